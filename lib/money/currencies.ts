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

/**
 * Stripe's minimum charge per presentment currency, in minor units
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). A card payment below it is
 * refused by Stripe; Stripe also applies the minimum of the account's settlement currency after conversion.
 */
export const MINIMUM_CHARGE_MINOR = {
  aud: 50,
  cad: 50,
  chf: 50,
  dkk: 250,
  eur: 50,
  gbp: 30,
  jpy: 50,
  mxn: 1000,
  nok: 300,
  nzd: 50,
  sek: 300,
  usd: 50,
} as const satisfies Record<CurrencyCode, number>;

/** The smallest amount a card can be charged in this currency (minor units). Throws for an unsupported one. */
export function getMinimumChargeMinor(code: string): number {
  if (!isSupportedCurrency(code)) throw new RangeError(`Unsupported currency: ${code}`);
  return MINIMUM_CHARGE_MINOR[code];
}
