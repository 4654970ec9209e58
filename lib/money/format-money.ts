/** Formats integer minor units in a currency, e.g. formatMoney(2500, "cad") → "CA$25.00". */
export function formatMoney(minor: number, currency: string, locale = "en-CA"): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
