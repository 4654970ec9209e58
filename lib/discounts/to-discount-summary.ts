import type { DiscountRow, DiscountSummary } from "@/lib/discounts/discount-rules";

export type { DiscountRow } from "@/lib/discounts/discount-rules";

export const DISCOUNT_SELECT = {
  id: true,
  eventId: true,
  code: true,
  kind: true,
  percentBps: true,
  amountMinor: true,
  maxUses: true,
  validFrom: true,
  validUntil: true,
  tierIds: true,
  active: true,
} as const;

export function toDiscountSummary(row: DiscountRow, uses: number | undefined): DiscountSummary {
  return { ...row, uses: uses ?? 0 };
}
