import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { retryDelayMs } from "@/lib/jobs/backoff";

describe("retryDelayMs", () => {
  it("doubles from the base with no jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, { baseMs: 1000, random: mid }))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it("never exceeds the cap and never goes negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (attempt, r) => {
          const d = retryDelayMs(attempt, { baseMs: 1000, capMs: 30_000, random: () => r });
          return d >= 0 && d <= 30_000;
        },
      ),
    );
  });

  it("keeps jitter within ±20%", () => {
    expect(retryDelayMs(3, { baseMs: 1000, random: () => 0 })).toBe(3200);
    expect(retryDelayMs(3, { baseMs: 1000, random: () => 0.9999999 })).toBe(4800);
  });
});
