import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "@/lib/money/currencies";
import { formatMoney } from "@/lib/money/format-money";
import {
  formatBpsAsPercent,
  formatMinorAsMajor,
  MAX_PRICE_MINOR,
  parseDecimalToInteger,
  parsePercentToBps,
  parsePriceToMinor,
} from "@/lib/tiers/parse-price";

const value = (r: ReturnType<typeof parsePriceToMinor>) => (r.ok ? r.value : r.message);

describe("parsePriceToMinor", () => {
  it("converts major units to minor units exactly, without float drift", () => {
    expect(value(parsePriceToMinor("25", "cad"))).toBe(2500);
    expect(value(parsePriceToMinor("25.00", "cad"))).toBe(2500);
    expect(value(parsePriceToMinor("25.5", "cad"))).toBe(2550);
    expect(value(parsePriceToMinor(".5", "cad"))).toBe(50);
    expect(value(parsePriceToMinor("0", "cad"))).toBe(0);
    // 0.29 * 100 === 28.999999999999996 and 1.15 * 100 === 114.99999999999999 in floating point.
    expect(value(parsePriceToMinor("0.29", "cad"))).toBe(29);
    expect(value(parsePriceToMinor("1.15", "usd"))).toBe(115);
    expect(value(parsePriceToMinor("19.99", "eur"))).toBe(1999);
    expect(value(parsePriceToMinor("  42.10 ", "cad"))).toBe(4210);
    expect(value(parsePriceToMinor("2500", "jpy"))).toBe(2500);
    expect(value(parsePriceToMinor("1,250.00", "cad"))).toBe(125000);
    expect(value(parsePriceToMinor("$25.00", "cad"))).toBe(2500);
    expect(value(parsePriceToMinor("CA$25.00", "cad"))).toBe(2500);
    expect(value(parsePriceToMinor("25.00 CAD", "CAD"))).toBe(2500);
  });

  it("refuses more decimals than the currency has, with a clear message", () => {
    expect(parsePriceToMinor("25.001", "cad")).toEqual({
      ok: false,
      message: "can have at most 2 decimal places for CAD",
    });
    expect(parsePriceToMinor("25.5", "jpy")).toEqual({
      ok: false,
      message: "must be a whole number for JPY (no decimals)",
    });
  });

  it("refuses negatives, junk, misplaced separators and too-large amounts", () => {
    expect(value(parsePriceToMinor("-5", "cad"))).toBe("must be zero or more");
    expect(value(parsePriceToMinor("$-5", "cad"))).toBe("must be zero or more");
    expect(value(parsePriceToMinor("", "cad"))).toBe("is required");
    for (const junk of ["abc", "25,00", "1,25.00", "2.5.0", ".", "1e3", "12 34", "0x10", "Infinity", "NaN"]) {
      expect(parsePriceToMinor(junk, "cad").ok, junk).toBe(false);
    }
    expect(value(parsePriceToMinor("1000000.00", "cad"))).toBe(MAX_PRICE_MINOR);
    expect(value(parsePriceToMinor("1000000.01", "cad"))).toBe("is too large");
    expect(value(parsePriceToMinor("99999999999999999999999", "cad"))).toBe("is too large");
  });

  it("round-trips: formatting then parsing gives the same minor units (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_PRICE_MINOR }),
        fc.constantFrom(...CURRENCY_CODES),
        (minor, currency) => {
          expect(value(parsePriceToMinor(formatMinorAsMajor(minor, currency), currency))).toBe(minor);
          // formatMoney's output (symbol, grouping) parses back too.
          expect(value(parsePriceToMinor(formatMoney(minor, currency), currency))).toBe(minor);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees with exact decimal arithmetic for any typed amount with up to 2 decimals (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const typed = `${whole}.${String(cents).padStart(2, "0")}`;
        expect(value(parsePriceToMinor(typed, "cad"))).toBe(whole * 100 + cents);
      }),
    );
  });
});

describe("formatMinorAsMajor", () => {
  it("writes the plain decimal a person would type", () => {
    expect(formatMinorAsMajor(2500, "cad")).toBe("25.00");
    expect(formatMinorAsMajor(5, "cad")).toBe("0.05");
    expect(formatMinorAsMajor(0, "usd")).toBe("0.00");
    expect(formatMinorAsMajor(2500, "jpy")).toBe("2500");
    expect(() => formatMinorAsMajor(1.5, "cad")).toThrow(RangeError);
    expect(() => formatMinorAsMajor(-1, "cad")).toThrow(RangeError);
  });
});

describe("percent parsing", () => {
  it("turns percent into basis points, 0.01–100", () => {
    expect(value(parsePercentToBps("10"))).toBe(1000);
    expect(value(parsePercentToBps("12.5%"))).toBe(1250);
    expect(value(parsePercentToBps("0.01"))).toBe(1);
    expect(value(parsePercentToBps("100"))).toBe(10_000);
    expect(value(parsePercentToBps("0"))).toBe("must be more than 0");
    expect(value(parsePercentToBps("100.01"))).toBe("must be at most 100");
    expect(value(parsePercentToBps("12.345"))).toBe("can have at most 2 decimal places");
    expect(formatBpsAsPercent(1250)).toBe("12.5");
    expect(formatBpsAsPercent(1000)).toBe("10");
    expect(formatBpsAsPercent(1)).toBe("0.01");
  });

  it("parseDecimalToInteger scales by the digits given", () => {
    expect(value(parseDecimalToInteger("7", 3))).toBe(7000);
    expect(value(parseDecimalToInteger("7.125", 3))).toBe(7125);
  });
});
