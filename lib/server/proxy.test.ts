import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { loadEnv } from "@/lib/env";
import { config, proxy } from "@/proxy";

describe("ENABLE_TICKETING flag", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("answers 404 for pages and problem+json 404 for the API when off", async () => {
    vi.stubEnv("ENABLE_TICKETING", "false");
    loadEnv();
    const page = proxy(new NextRequest("http://localhost/tickets/e/demo-night"));
    expect(page.status).toBe(404);
    const api = proxy(new NextRequest("http://localhost/api/tickets/health"));
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });

  it("lets requests through when on, and only matches the module's paths", () => {
    vi.stubEnv("ENABLE_TICKETING", "true");
    loadEnv();
    expect(proxy(new NextRequest("http://localhost/tickets/events")).headers.get("x-middleware-next")).toBe(
      "1",
    );
  });

  it("matches every page and API path, not the build's static files or the service worker", () => {
    const [matcher] = config.matcher;
    const pattern = new RegExp(`^${matcher?.replace("/(", "/(?:") ?? ""}$`);
    for (const path of ["/", "/tickets", "/tickets/events", "/api/tickets/health", "/tickets/checkin"]) {
      expect(pattern.test(path), path).toBe(true);
    }
    for (const path of [
      "/_next/static/chunks/a.js",
      "/sw.js",
      "/checkin.webmanifest",
      "/checkin-icons/192.png",
    ]) {
      expect(pattern.test(path), path).toBe(false);
    }
  });

  it("leaves pages outside the module alone when it is off", () => {
    vi.stubEnv("ENABLE_TICKETING", "false");
    loadEnv();
    expect(proxy(new NextRequest("http://localhost/")).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("security headers on every answer", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  const cspNonce = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

  it("gives each page request its own nonce, in the response's CSP and in the request Next.js renders", () => {
    const first = proxy(new NextRequest("http://localhost/tickets/events"));
    const second = proxy(new NextRequest("http://localhost/tickets/events"));
    const nonce = cspNonce(first.headers.get("content-security-policy"));
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(cspNonce(first.headers.get("x-middleware-request-content-security-policy"))).toBe(nonce);
    expect(cspNonce(second.headers.get("content-security-policy"))).not.toBe(nonce);
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(first.headers.get("permissions-policy")).toContain("camera=()");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    const scanner = proxy(new NextRequest("http://localhost/tickets/checkin"));
    expect(scanner.headers.get("permissions-policy")).toContain("camera=(self)");
    const home = proxy(new NextRequest("http://localhost/"));
    expect(cspNonce(home.headers.get("content-security-policy"))).toBeTruthy();
  });

  it("API answers get no page CSP; production adds HSTS everywhere", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("STRIPE_TEST_MODE", "true");
    vi.stubEnv("APP_URL", "https://tickets.example.com");
    loadEnv();
    const api = proxy(new NextRequest("https://tickets.example.com/api/tickets/health"));
    expect(api.headers.get("content-security-policy")).toBeNull();
    expect(api.headers.get("x-frame-options")).toBe("DENY");
    expect(api.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const page = proxy(new NextRequest("https://tickets.example.com/tickets/events"));
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
