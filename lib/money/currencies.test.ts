import { describe, expect, it } from "vitest";
import {
  CURRENCY_CODES,
  getCurrencyDigits,
  getMinimumChargeMinor,
  isSupportedCurrency,
} from "@/lib/money/currencies";

describe("currencies", () => {
  it("allows the Stripe presentment currencies we sell in, lower-case only", () => {
    for (const code of ["cad", "usd", "eur", "gbp", "aud", "nzd", "chf", "sek", "nok", "dkk", "jpy", "mxn"]) {
      expect(isSupportedCurrency(code)).toBe(true);
    }
    expect(isSupportedCurrency("CAD")).toBe(false);
    expect(isSupportedCurrency("xyz")).toBe(false);
    expect(isSupportedCurrency("toString")).toBe(false);
  });

  it("knows the minor-unit digits, agreeing with ICU", () => {
    expect(getCurrencyDigits("jpy")).toBe(0);
    expect(getCurrencyDigits("cad")).toBe(2);
    for (const code of CURRENCY_CODES) {
      const icu = new Intl.NumberFormat("en", { style: "currency", currency: code.toUpperCase() });
      expect(getCurrencyDigits(code), code).toBe(icu.resolvedOptions().maximumFractionDigits);
    }
    expect(() => getCurrencyDigits("xyz")).toThrow(RangeError);
  });

  it("knows Stripe's minimum charge for every currency we sell in", () => {
    expect(getMinimumChargeMinor("usd")).toBe(50);
    expect(getMinimumChargeMinor("cad")).toBe(50);
    expect(getMinimumChargeMinor("gbp")).toBe(30);
    expect(getMinimumChargeMinor("jpy")).toBe(50);
    expect(getMinimumChargeMinor("mxn")).toBe(1_000);
    for (const code of CURRENCY_CODES) expect(getMinimumChargeMinor(code)).toBeGreaterThan(0);
    expect(() => getMinimumChargeMinor("xyz")).toThrow(RangeError);
  });
});
