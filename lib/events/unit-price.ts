import { priceOrder, type DiscountInput, type FeeModel, type PlatformFee } from "@/lib/money/price-order";
import type { TaxLinesSetting } from "@/lib/money/schemas";

export interface UnitPrice {
  /** What one ticket costs all in (after the discount, when one is given). */
  totalMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  taxes: { name: string; amountMinor: number }[];
}

/**
 * One ticket of a tier priced by the checkout's own pricing function: the order of N such tickets pays
 * exactly N × totalMinor (per-ticket rounding), so a page can total any quantities without asking again.
 */
export function unitPrice(input: {
  currency: string;
  tier: { id: string; name: string; priceMinor: number };
  taxes: TaxLinesSetting;
  feeModel: FeeModel;
  platformFee: PlatformFee;
  discount?: DiscountInput | null;
}): UnitPrice {
  const [one] = priceOrder({
    currency: input.currency,
    lines: [
      { tierId: input.tier.id, name: input.tier.name, unitPriceMinor: input.tier.priceMinor, quantity: 1 },
    ],
    taxes: input.taxes,
    feeModel: input.feeModel,
    platformFee: input.platformFee,
    discount: input.discount ?? null,
  }).lines;
  return {
    totalMinor: one?.unitTotalMinor ?? 0,
    discountMinor: one?.unitDiscountMinor ?? 0,
    feeMinor: one?.unitFeeMinor ?? 0,
    taxMinor: one?.unitTaxMinor ?? 0,
    taxes: (one?.taxes ?? []).map((t) => ({ name: t.name, amountMinor: t.amountMinor })),
  };
}
