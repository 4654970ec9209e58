import type { TierInventory } from "@/lib/tiers/count-tier-inventory";
import type { TierSummary, TierVisibilityValue } from "@/lib/tiers/tier-rules";

/** The columns every tier read selects. */
export const TIER_SELECT = {
  id: true,
  eventId: true,
  name: true,
  description: true,
  priceMinor: true,
  currency: true,
  capacity: true,
  maxPerOrder: true,
  salesStartAt: true,
  salesEndAt: true,
  visibility: true,
  sortOrder: true,
} as const;

export interface TierRow {
  id: string;
  eventId: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  capacity: number;
  maxPerOrder: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  visibility: TierVisibilityValue;
  sortOrder: number;
}

export function toTierSummary(row: TierRow, inventory: TierInventory | undefined): TierSummary {
  const sold = inventory?.sold ?? 0;
  const held = inventory?.held ?? 0;
  return { ...row, sold, held, remaining: Math.max(0, row.capacity - sold - held) };
}
