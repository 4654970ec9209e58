import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEditableEvent, type EditableEvent } from "@/lib/tiers/get-editable-event";
import { TIER_SELECT, type TierRow } from "@/lib/tiers/to-tier-summary";

/**
 * Loads the organizer's tier (404 otherwise) and its event (locked, 409 when cancelled/archived), then
 * locks the tier row against other tier changes. FOR NO KEY UPDATE so holds and order items (foreign keys:
 * KEY SHARE) are not blocked; decisions that race with checkouts also take the inventory lock.
 */
export async function lockOrganizerTier(
  tx: Db,
  organizerId: string,
  tierId: string,
): Promise<{ event: EditableEvent; tier: TierRow }> {
  const owned = await tx.tier.findFirst({
    where: { id: tierId, event: { organizerId } },
    select: { eventId: true },
  });
  if (!owned) throw AppError.notFound("Tier not found.");
  const event = await getEditableEvent(tx, organizerId, owned.eventId);
  await tx.$queryRaw`SELECT id FROM tickets_tiers WHERE id = ${tierId} AND event_id = ${event.id} FOR NO KEY UPDATE`;
  const tier = await tx.tier.findFirst({
    where: { id: tierId, event: { id: event.id, organizerId } },
    select: TIER_SELECT,
  });
  if (!tier) throw AppError.notFound("Tier not found.");
  return { event, tier };
}
