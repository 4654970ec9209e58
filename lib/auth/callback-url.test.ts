import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callbackPathSchema, isSafeCallbackPath, resolveRedirect } from "@/lib/auth/callback-url";
import { normalizeEmail, emailSchema } from "@/lib/auth/email";

const baseUrl = "https://tickets.example";

describe("callback paths", () => {
  it("accepts paths under /tickets", () => {
    for (const ok of ["/tickets", "/tickets/", "/tickets/organizer", "/tickets/events?city=victoria#top"]) {
      expect(isSafeCallbackPath(ok), ok).toBe(true);
    }
  });

  it("refuses anything that could leave the site or the module", () => {
    for (const bad of [
      "https://evil.example/tickets",
      "//evil.example/tickets",
      "/\\evil.example/tickets",
      "/tickets\\..\\admin",
      "/ticketsx",
      "/admin",
      "tickets/organizer",
      "/tickets/../admin",
      "javascript:alert(1)",
      "/tickets/\nx",
      "",
    ]) {
      expect(isSafeCallbackPath(bad), bad).toBe(false);
    }
    expect(callbackPathSchema.safeParse("//evil.example").success).toBe(false);
  });

  it("whatever it is given, the redirect callback stays on the site under /tickets", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (url) => {
        const target = new URL(resolveRedirect({ url, baseUrl }));
        expect(target.origin).toBe(baseUrl);
        expect(target.pathname === "/tickets" || target.pathname.startsWith("/tickets/")).toBe(true);
      }),
    );
  });

  it("keeps a safe destination, absolute or relative", () => {
    expect(resolveRedirect({ url: "/tickets/organizer", baseUrl })).toBe(`${baseUrl}/tickets/organizer`);
    expect(resolveRedirect({ url: `${baseUrl}/tickets/events?x=1`, baseUrl })).toBe(
      `${baseUrl}/tickets/events?x=1`,
    );
    expect(resolveRedirect({ url: "https://evil.example/tickets", baseUrl })).toBe(
      `${baseUrl}/tickets/account`,
    );
  });
});

describe("emails", () => {
  it("normalises like Auth.js: NFKC, trimmed, lower case", () => {
    expect(normalizeEmail("  Fan@Example.COM ")).toBe("fan@example.com");
    expect(normalizeEmail("ｆａｎ@example.com")).toBe("fan@example.com");
    expect(emailSchema.parse(" A@B.co ")).toBe("a@b.co");
    expect(emailSchema.safeParse("not an email").success).toBe(false);
    expect(emailSchema.safeParse('"a@b"@victim.com').success).toBe(false);
  });
});
