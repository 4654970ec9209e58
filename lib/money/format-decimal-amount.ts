import { getCurrencyDigits } from "@/lib/money/currencies";

/**
 * Integer minor units as a plain decimal string in the currency's digits, for files other programs read
 * (CSV): formatDecimalAmount(1250, "cad") → "12.50", (-1250, "cad") → "-12.50", (2500, "jpy") → "2500". No
 * symbol, no grouping, always "." and computed on integers (no float rounding).
 */
export function formatDecimalAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an amount in minor units: ${minor}`);
  const digits = getCurrencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const units = String(Math.abs(minor));
  if (digits === 0) return `${sign}${units}`;
  const padded = units.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
