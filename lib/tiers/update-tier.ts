import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseInput, type FieldError } from "@/lib/errors";
import { assertNoFieldErrors } from "@/lib/tiers/assert-no-field-errors";
import { getAvailability } from "@/lib/inventory/get-availability";
import { lockInventory } from "@/lib/inventory/lock-inventory";
import { lockOrganizerTier } from "@/lib/tiers/lock-organizer-tier";
import {
  pluralTickets,
  tierCrossFieldErrors,
  updateTierSchema,
  type TierSummary,
} from "@/lib/tiers/tier-rules";
import { TIER_SELECT, toTierSummary } from "@/lib/tiers/to-tier-summary";

function jsonValue(v: unknown): string | number | boolean | null {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v as string | number | boolean | null;
}

/**
 * Changes a tier. Capacity cannot go below the seats already taken (valid tickets + live holds, by the
 * database's clock, counted in one statement under the tier's inventory lock): 422 naming `capacity` and
 * saying how many are sold. Hiding a tier with sales is fine (that is the way to stop selling it). 404 for
 * another organizer's tier, 409 when the event is cancelled or archived.
 */
export async function updateTier(
  organizerId: string,
  tierId: string,
  patch: unknown,
  options: { actorUserId?: string } = {},
): Promise<TierSummary> {
  const data = parseInput(updateTierSchema, patch);
  return db.$transaction(async (tx) => {
    const { event, tier } = await lockOrganizerTier(tx, organizerId, tierId);
    const next = {
      name: data.name ?? tier.name,
      description: data.description === undefined ? tier.description : data.description,
      priceMinor: data.priceMinor ?? tier.priceMinor,
      currency: data.currency ?? tier.currency,
      capacity: data.capacity ?? tier.capacity,
      // Lowering the capacity below the per-order limit lowers the limit too, unless one is given.
      maxPerOrder: data.maxPerOrder ?? Math.min(tier.maxPerOrder, data.capacity ?? tier.maxPerOrder),
      salesStartAt: data.salesStartAt === undefined ? tier.salesStartAt : data.salesStartAt,
      salesEndAt: data.salesEndAt === undefined ? tier.salesEndAt : data.salesEndAt,
      visibility: data.visibility ?? tier.visibility,
      sortOrder: data.sortOrder ?? tier.sortOrder,
    };
    const fields: FieldError[] = tierCrossFieldErrors({
      eventCurrency: event.currency,
      currency: data.currency,
      capacity: next.capacity,
      maxPerOrder: next.maxPerOrder,
      salesStartAt: next.salesStartAt,
      salesEndAt: next.salesEndAt,
    });
    // Shrinking capacity reduces availability: take the tier's inventory lock (as takeHolds does) so no
    // checkout can take a seat between our count and our write. Sold and held are read in one statement
    // after it: a payment converting a hold into tickets meanwhile is seen as one or the other, never neither.
    if (data.capacity !== undefined && data.capacity < tier.capacity) {
      await lockInventory(tx, { eventId: event.id, tierIds: [tier.id] });
    }
    const inventory = (await getAvailability(tx, event.id)).tiers.find((t) => t.tierId === tier.id);
    const sold = inventory?.sold ?? 0;
    const held = inventory?.held ?? 0;
    if (data.capacity !== undefined && data.capacity < sold + held) {
      fields.push({
        field: "capacity",
        message:
          `must be at least ${sold + held}: ${pluralTickets(sold)} ${sold === 1 ? "is" : "are"} already sold` +
          (held > 0 ? ` and ${held} held in checkout` : ""),
      });
    }
    assertNoFieldErrors(fields);

    const changes: Record<string, { from: ReturnType<typeof jsonValue>; to: ReturnType<typeof jsonValue> }> =
      {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      const before = jsonValue(tier[key]);
      const after = jsonValue(next[key]);
      if (before !== after) changes[key] = { from: before, to: after };
    }
    const updated = await tx.tier.update({ where: { id: tier.id }, data: next, select: TIER_SELECT });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        organizerId,
        actorUserId: options.actorUserId ?? null,
        actorType: options.actorUserId ? "user" : "system",
        action:
          Object.keys(changes).length === 1 && changes.visibility
            ? next.visibility === "hidden"
              ? "tier.hidden"
              : "tier.shown"
            : "tier.updated",
        entityType: "tier",
        entityId: tier.id,
        data: { eventId: event.id, changes },
      });
    }
    return toTierSummary(updated, inventory);
  });
}
