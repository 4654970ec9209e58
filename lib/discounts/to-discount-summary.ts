import type { DiscountKindValue, DiscountSummary } from "@/lib/discounts/discount-rules";

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

export interface DiscountRow {
  id: string;
  eventId: string;
  code: string;
  kind: DiscountKindValue;
  percentBps: number | null;
  amountMinor: number | null;
  maxUses: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  tierIds: string[];
  active: boolean;
}

export function toDiscountSummary(row: DiscountRow, uses: number | undefined): DiscountSummary {
  return { ...row, uses: uses ?? 0 };
}
