import { describe, expect, it } from "vitest";
import { platformFeeSchema, taxLinesSchema } from "@/lib/money/schemas";

describe("taxLinesSchema", () => {
  it("accepts named taxes with rates in basis points and trims names", () => {
    const parsed = taxLinesSchema.parse([
      { name: " GST ", rateBps: 500, inclusive: false },
      { name: "PST", rateBps: 700, inclusive: false },
    ]);
    expect(parsed[0]?.name).toBe("GST");
    expect(taxLinesSchema.parse([])).toEqual([]);
  });

  it.each([
    ["empty name", [{ name: "  ", rateBps: 500, inclusive: false }], "0.name"],
    ["name over 40 characters", [{ name: "x".repeat(41), rateBps: 500, inclusive: false }], "0.name"],
    ["rate above 100%", [{ name: "GST", rateBps: 10_001, inclusive: false }], "0.rateBps"],
    ["fractional rate", [{ name: "GST", rateBps: 5.5, inclusive: false }], "0.rateBps"],
    [
      "duplicate names",
      [
        { name: "GST", rateBps: 500, inclusive: false },
        { name: "gst", rateBps: 700, inclusive: false },
      ],
      "1.name",
    ],
    [
      "mixed inclusive and exclusive",
      [
        { name: "GST", rateBps: 500, inclusive: false },
        { name: "PST", rateBps: 700, inclusive: true },
      ],
      "1.inclusive",
    ],
  ])("rejects %s", (_label, value, path) => {
    const result = taxLinesSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("platformFeeSchema", () => {
  it("accepts the defaults and rejects min above max or a percent over 50%", () => {
    expect(
      platformFeeSchema.safeParse({ fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2_000 }).success,
    ).toBe(true);
    const minAboveMax = platformFeeSchema.safeParse({
      fixedMinor: 99,
      percentBps: 250,
      minMinor: 500,
      maxMinor: 100,
    });
    expect(minAboveMax.error?.issues[0]?.path).toEqual(["minMinor"]);
    expect(
      platformFeeSchema.safeParse({ fixedMinor: 99, percentBps: 5_001, minMinor: 0, maxMinor: 1 }).success,
    ).toBe(false);
    expect(
      platformFeeSchema.safeParse({ fixedMinor: -1, percentBps: 0, minMinor: 0, maxMinor: 1 }).success,
    ).toBe(false);
  });
});
