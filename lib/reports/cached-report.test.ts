import { describe, expect, it } from "vitest";
import { cachedReport, REPORT_CACHE_MS } from "@/lib/reports/cached-report";

describe("cachedReport", () => {
  it("computes once per organizer and question within the window, sharing a computation in flight", async () => {
    let calls = 0;
    const load = async () => ++calls;
    const t = 1_000_000;
    const [a, b] = await Promise.all([
      cachedReport("org-1", "summary:e1", load, t),
      cachedReport("org-1", "summary:e1", load, t + 1),
    ]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await cachedReport("org-2", "summary:e1", load, t + 2)).toBe(2); // another organizer: its own
    expect(await cachedReport("org-1", "summary:e1", load, t + REPORT_CACHE_MS - 1)).toBe(1);
    expect(await cachedReport("org-1", "summary:e1", load, t + REPORT_CACHE_MS)).toBe(3); // expired
  });

  it("does not keep a failure", async () => {
    const t = 2_000_000;
    await expect(cachedReport("org-3", "q", () => Promise.reject(new Error("down")), t)).rejects.toThrow(
      "down",
    );
    await Promise.resolve();
    expect(await cachedReport("org-3", "q", async () => "ok", t + 1)).toBe("ok");
  });
});
