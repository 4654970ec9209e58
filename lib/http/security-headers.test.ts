import { describe, expect, it } from "vitest";
import {
  apiSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  pageSecurityHeaders,
  permissionsPolicy,
  type SecurityHeaderContext,
} from "@/lib/http/security-headers";

const production: SecurityHeaderContext = {
  pathname: "/tickets/events",
  production: true,
  development: false,
  appUrl: "https://tickets.example.com",
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("security headers", () => {
  it("a page's CSP runs only scripts carrying this request's nonce: no inline or eval'd script", () => {
    const nonce = createNonce();
    const csp = directives(contentSecurityPolicy(production, nonce));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "blob:", "data:"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    // next dev needs eval for React's overlays; never in production.
    const dev = directives(
      contentSecurityPolicy({ ...production, production: false, development: true }, nonce),
    );
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it("nonces are 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("images may also come from the S3 public origin when uploads live there", () => {
    const csp = directives(
      contentSecurityPolicy({ ...production, imageOrigins: ["https://cdn.example.com"] }, "n"),
    );
    expect(csp.get("img-src")).toEqual(["'self'", "blob:", "data:", "https://cdn.example.com"]);
  });

  it("gives the camera to the door scanner only", () => {
    expect(permissionsPolicy("/tickets/checkin")).toContain("camera=(self)");
    expect(permissionsPolicy("/tickets/checkin/anything")).toContain("camera=(self)");
    for (const path of [
      "/tickets/checkinx",
      "/tickets/events",
      "/tickets/organizer/events/e1/checkin",
      "/",
    ]) {
      expect(permissionsPolicy(path)).toContain("camera=()");
    }
    expect(permissionsPolicy("/tickets/checkin")).toContain("microphone=()");
  });

  it("HSTS in production only; no framing; no Referer from pages whose URL holds an order's token", () => {
    const page = pageSecurityHeaders(production, "n");
    expect(page["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(page["x-frame-options"]).toBe("DENY");
    expect(page["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(page["x-content-type-options"]).toBe("nosniff");
    expect(
      pageSecurityHeaders({ ...production, pathname: "/tickets/order/o1" }, "n")["referrer-policy"],
    ).toBe("no-referrer");
    expect(
      pageSecurityHeaders({ ...production, pathname: "/tickets/dev/pay/o1" }, "n")["referrer-policy"],
    ).toBe("no-referrer");
    const local = { ...production, production: false };
    expect(pageSecurityHeaders(local, "n")["strict-transport-security"]).toBeUndefined();
    expect(apiSecurityHeaders(local)["strict-transport-security"]).toBeUndefined();
    expect(apiSecurityHeaders(production)).toEqual({
      "x-frame-options": "DENY",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
  });
});
