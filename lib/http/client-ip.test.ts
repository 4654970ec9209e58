// clientIp: X-Forwarded-For is trusted only as far as TRUSTED_PROXY_HOPS says; entries to the left of what
// our own proxies wrote belong to the client and never pick the rate-limit bucket.
import { afterEach, describe, expect, it, vi } from "vitest";
import { envSchema, loadEnv } from "@/lib/env";
import { clientIp, perIpLimit } from "@/lib/http/route";

function ipWith(hops: number, headers: Record<string, string>): string | null {
  vi.stubEnv("TRUSTED_PROXY_HOPS", String(hops));
  loadEnv();
  return clientIp(new Request("http://localhost:3000/api/tickets/auth/magic-link", { headers }));
}

afterEach(() => {
  vi.unstubAllEnvs();
  loadEnv();
});

describe("clientIp", () => {
  it("with no trusted proxy (the default) ignores X-Forwarded-For and X-Real-IP", () => {
    expect(envSchema.parse({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(ipWith(0, { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" })).toBeNull();
    expect(ipWith(0, {})).toBeNull();
  });

  it("takes the entry TRUSTED_PROXY_HOPS from the right, whatever the client put before it", () => {
    expect(ipWith(1, { "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(ipWith(1, { "x-forwarded-for": "10.0.0.1, 203.0.113.9" })).toBe("203.0.113.9");
    expect(ipWith(2, { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" })).toBe("203.0.113.9");
    expect(ipWith(1, { "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(ipWith(1, { "x-real-ip": "203.0.113.9" })).toBeNull();
  });

  it("is unknown when there are fewer entries than hops or the entry is not an address", () => {
    expect(ipWith(2, { "x-forwarded-for": "203.0.113.9" })).toBeNull();
    expect(ipWith(1, { "x-forwarded-for": "203.0.113.9, not-an-ip" })).toBeNull();
    expect(ipWith(1, { "x-forwarded-for": "" })).toBeNull();
  });

  it("limits per IP only when the IP is known: never one bucket shared by every caller", () => {
    const rule = { limit: 30, windowMs: 60_000 };
    expect(perIpLimit("203.0.113.9", "checkout:ip", rule)).toEqual([
      { key: "checkout:ip:203.0.113.9", rule },
    ]);
    expect(perIpLimit(null, "checkout:ip", rule)).toEqual([]);
  });

  it("validates TRUSTED_PROXY_HOPS", () => {
    expect(envSchema.parse({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "many", "11"])
      expect(envSchema.safeParse({ TRUSTED_PROXY_HOPS: bad }).success, bad).toBe(false);
  });
});
