/**
 * Presentment currencies Stagedoor accepts (lower-case ISO 4217, as Stripe expects them) and their
 * minor-unit digits. Every amount in lib/money is an integer count of these minor units: 2500 is
 * CA$25.00 but ¥2,500.
 */
export const SUPPORTED_CURRENCIES = {
  aud: 2,
  cad: 2,
  chf: 2,
  dkk: 2,
  eur: 2,
  gbp: 2,
  jpy: 0,
  mxn: 2,
  nok: 2,
  nzd: 2,
  sek: 2,
  usd: 2,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof SUPPORTED_CURRENCIES;

export const CURRENCY_CODES = Object.keys(SUPPORTED_CURRENCIES) as CurrencyCode[];

/** True for a supported lower-case code ("cad"); "CAD" and unknown codes are false. */
export function isSupportedCurrency(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(SUPPORTED_CURRENCIES, code);
}

/** Number of minor-unit digits (2 for cad, 0 for jpy). Throws for an unsupported currency. */
export function getCurrencyDigits(code: string): number {
  if (!isSupportedCurrency(code)) throw new RangeError(`Unsupported currency: ${code}`);
  return SUPPORTED_CURRENCIES[code];
}
