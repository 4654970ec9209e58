import type { DiscountSummary } from "@/lib/discounts/discount-rules";
import type { DiscountInput } from "@/lib/money/price-order";

/** A stored discount as the pricing function takes it. */
export function toDiscountInput(discount: DiscountSummary): DiscountInput {
  const base = { code: discount.code, tierIds: discount.tierIds };
  return discount.kind === "percent"
    ? { ...base, kind: "percent", percentBps: discount.percentBps ?? 0 }
    : { ...base, kind: "fixed", amountMinor: discount.amountMinor ?? 0 };
}
