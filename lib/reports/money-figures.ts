// Money figures from the sums the report queries return: net to organizer is derived here, once.
import type { MoneyFigures } from "@/lib/reports/types";

export type MoneySums = Omit<MoneyFigures, "netMinor">;

/** Gross − platform fees − refunds + the platform's part of refunds (before Stripe's processing fees). */
export function toMoneyFigures(sums: MoneySums): MoneyFigures {
  return {
    ...sums,
    netMinor: sums.grossMinor - sums.platformFeesMinor - sums.refundsMinor + sums.platformRefundsMinor,
  };
}

const ZERO: Omit<MoneySums, "currency"> = {
  orders: 0,
  tickets: 0,
  grossMinor: 0,
  platformFeesMinor: 0,
  refundsMinor: 0,
  refundCount: 0,
  platformRefundsMinor: 0,
  taxMinor: 0,
  discountMinor: 0,
};

/** Partial sums (e.g. per event) added up per currency, currencies in alphabetical order. */
export function sumMoneyFigures(
  parts: readonly (Partial<MoneySums> & { currency: string })[],
): MoneyFigures[] {
  const byCurrency = new Map<string, MoneySums>();
  for (const part of parts) {
    const total = byCurrency.get(part.currency) ?? { currency: part.currency, ...ZERO };
    for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[key] += part[key] ?? 0;
    byCurrency.set(part.currency, total);
  }
  return [...byCurrency.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((sums) => toMoneyFigures(sums));
}
