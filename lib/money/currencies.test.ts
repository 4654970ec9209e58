import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, getCurrencyDigits, isSupportedCurrency } from "@/lib/money/currencies";

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
});
