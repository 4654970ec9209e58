// A platform admin raises or lowers a tier's capacity with a note. Decided under the tier's inventory lock,
// the one checkout takes (lockInventory), so no buyer takes a seat between the count and the write: the new
// capacity can never fall below the seats already taken (valid tickets + live holds, lib/inventory).
import "server-only";
import { z } from "zod";
import { adminNoteSchema } from "@/lib/admin/admin-note";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { getAvailability } from "@/lib/inventory/get-availability";
import { lockInventory } from "@/lib/inventory/lock-inventory";
import { lockOrganizerTier } from "@/lib/tiers/lock-organizer-tier";
import { MAX_TIER_CAPACITY, pluralTickets, type TierSummary } from "@/lib/tiers/tier-rules";
import { TIER_SELECT, toTierSummary } from "@/lib/tiers/to-tier-summary";

export const capacityOverrideSchema = z.object({
  capacity: z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_TIER_CAPACITY, { error: `must be at most ${MAX_TIER_CAPACITY}` }),
  note: adminNoteSchema,
});

export type CapacityOverrideInput = z.input<typeof capacityOverrideSchema>;

/**
 * Sets the tier's capacity (any organizer's tier: the admin acts across tenants, the audit entry names the
 * organizer). 422 without a note, or when the capacity is below sold + held (naming both); 409 for a
 * cancelled or archived event; 404 for an unknown tier; busy (503) when the lock is not granted in time.
 * A per-order limit above the new capacity comes down to it. Audited `tickets.tier.capacity_overridden`
 * with the old and new capacity and the note, in the same transaction.
 */
export async function overrideTierCapacity(
  tierId: string,
  input: unknown,
  options: {
    actorUserId: string;
    /**
     * TEST ONLY: the control case of app/api/tickets/admin/admin-overrides.test.ts, showing the oversell the
     * inventory lock prevents. Never set it anywhere else.
     */
    unsafeSkipLocks?: boolean;
  },
): Promise<TierSummary> {
  const { capacity, note } = parseInput(capacityOverrideSchema, input);
  return db.$transaction(async (tx) => {
    const owner = await tx.tier.findUnique({
      where: { id: tierId },
      select: { event: { select: { organizerId: true } } },
    });
    if (!owner) throw AppError.notFound("Tier not found.");
    const organizerId = owner.event.organizerId;
    const { event, tier } = await lockOrganizerTier(tx, organizerId, tierId);
    await lockInventory(tx, {
      eventId: event.id,
      tierIds: [tier.id],
      unsafeSkipLocks: options.unsafeSkipLocks,
    });
    const inventory = (await getAvailability(tx, event.id)).tiers.find((t) => t.tierId === tier.id);
    const sold = inventory?.sold ?? 0;
    const held = inventory?.held ?? 0;
    if (capacity < sold + held) {
      throw AppError.validation(
        "capacity",
        `must be at least ${sold + held}: ${pluralTickets(sold)} ${sold === 1 ? "is" : "are"} sold` +
          (held > 0 ? ` and ${held} held in checkout` : ""),
      );
    }
    const maxPerOrder = Math.min(tier.maxPerOrder, capacity);
    const updated = await tx.tier.update({
      where: { id: tier.id },
      data: { capacity, maxPerOrder },
      select: TIER_SELECT,
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: options.actorUserId,
      actorType: "admin",
      action: "tickets.tier.capacity_overridden",
      entityType: "tier",
      entityId: tier.id,
      data: {
        eventId: event.id,
        oldCapacity: tier.capacity,
        newCapacity: capacity,
        note,
        sold,
        held,
        ...(maxPerOrder !== tier.maxPerOrder
          ? { maxPerOrder: { from: tier.maxPerOrder, to: maxPerOrder } }
          : {}),
      },
    });
    return toTierSummary(updated, inventory);
  });
}
