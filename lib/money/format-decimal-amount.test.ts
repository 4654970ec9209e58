import { describe, expect, it } from "vitest";
import { formatDecimalAmount } from "@/lib/money/format-decimal-amount";

describe("formatDecimalAmount", () => {
  it.each([
    [1250, "cad", "12.50"],
    [5, "cad", "0.05"],
    [0, "cad", "0.00"],
    [-1250, "cad", "-12.50"],
    [-5, "usd", "-0.05"],
    [123456789, "eur", "1234567.89"],
    [2500, "jpy", "2500"],
    [-2500, "jpy", "-2500"],
  ])("%i %s → %s", (minor, currency, expected) => {
    expect(formatDecimalAmount(minor, currency)).toBe(expected);
  });

  it("refuses fractions and unknown currencies", () => {
    expect(() => formatDecimalAmount(12.5, "cad")).toThrow(RangeError);
    expect(() => formatDecimalAmount(100, "xxx")).toThrow(RangeError);
  });
});
