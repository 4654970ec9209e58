// The cookies the app sets: HttpOnly and SameSite=Lax always; Secure (with Auth.js's __Secure- / __Host-
// names) whenever APP_URL is https, which lib/env.ts requires in production.
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadEnv } from "@/lib/env";

async function authCookies(appUrl: string): Promise<string[]> {
  vi.stubEnv("APP_URL", appUrl);
  loadEnv();
  vi.resetModules();
  const { GET } = await import("@/app/api/tickets/auth/[...nextauth]/route");
  const response = await GET(new Request(`${appUrl}/api/tickets/auth/csrf`));
  expect(response.status).toBe(200);
  return response.headers.getSetCookie();
}

describe("cookies", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
    vi.resetModules();
  });

  it("Auth.js's cookies are HttpOnly, SameSite=Lax, and Secure over https", async () => {
    const secure = await authCookies("https://tickets.example.com");
    expect(secure.length).toBeGreaterThan(0);
    for (const cookie of secure) {
      expect(cookie).toMatch(/^__(Host|Secure)-authjs\./);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Secure/i);
    }
    for (const cookie of await authCookies("http://localhost:3000")) {
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).not.toMatch(/; Secure/i);
    }
  });

  it("the active-organizer cookie is HttpOnly, SameSite=Lax, and Secure over https", async () => {
    vi.stubEnv("APP_URL", "https://tickets.example.com");
    loadEnv();
    const { activeOrganizerSetCookie } = await import("@/lib/auth/resolve-active-organizer");
    expect(activeOrganizerSetCookie("org_1").split("; ").slice(1)).toEqual(
      expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Secure"]),
    );
  });
});
