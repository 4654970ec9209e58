import type { TierAvailability } from "@/lib/inventory/get-availability";
import type { TierRow, TierSummary } from "@/lib/tiers/tier-rules";

export type { TierRow } from "@/lib/tiers/tier-rules";

/** The columns a buyer-facing tier read selects: what a tier sells at, how many, and when. */
export const TIER_SALE_SELECT = {
  id: true,
  name: true,
  description: true,
  priceMinor: true,
  currency: true,
  capacity: true,
  maxPerOrder: true,
  salesStartAt: true,
  salesEndAt: true,
} as const;

/** The columns every tier read selects. */
export const TIER_SELECT = {
  ...TIER_SALE_SELECT,
  eventId: true,
  visibility: true,
  sortOrder: true,
} as const;

/** The tier with its sold and held seats (getAvailability); none for a tier just created. */
export function toTierSummary(
  row: TierRow,
  inventory: Pick<TierAvailability, "sold" | "held"> | undefined,
): TierSummary {
  const sold = inventory?.sold ?? 0;
  const held = inventory?.held ?? 0;
  return { ...row, sold, held, remaining: Math.max(0, row.capacity - sold - held) };
}
