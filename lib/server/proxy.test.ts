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
    expect(config.matcher).toEqual(["/tickets", "/tickets/:path*", "/api/tickets", "/api/tickets/:path*"]);
  });
});
