import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { assertNoFieldErrors } from "@/lib/tiers/assert-no-field-errors";
import { getEditableEvent } from "@/lib/tiers/get-editable-event";
import {
  createTierSchema,
  DEFAULT_MAX_PER_ORDER,
  tierCrossFieldErrors,
  type TierSummary,
} from "@/lib/tiers/tier-rules";
import { TIER_SELECT, toTierSummary } from "@/lib/tiers/to-tier-summary";

async function nextSortOrder(tx: Db, eventId: string): Promise<number> {
  const last = await tx.tier.aggregate({ where: { eventId }, _max: { sortOrder: true } });
  return last._max.sortOrder === null ? 0 : last._max.sortOrder + 1;
}

/**
 * Adds a tier to the organizer's event. The currency defaults to (and must equal) the event's; maxPerOrder
 * defaults to 10 or the capacity if smaller; new tiers go last unless a sortOrder is given.
 * 404 for another organizer's event, 409 for a cancelled/archived one, 422 naming each bad field.
 */
export async function createTier(
  organizerId: string,
  eventId: string,
  input: unknown,
  options: { actorUserId?: string } = {},
): Promise<TierSummary> {
  const data = parseInput(createTierSchema, input);
  return db.$transaction(async (tx) => {
    const event = await getEditableEvent(tx, organizerId, eventId);
    const currency = data.currency ?? event.currency;
    const maxPerOrder = data.maxPerOrder ?? Math.min(DEFAULT_MAX_PER_ORDER, data.capacity);
    const salesStartAt = data.salesStartAt ?? null;
    const salesEndAt = data.salesEndAt ?? null;
    assertNoFieldErrors(
      tierCrossFieldErrors({
        eventCurrency: event.currency,
        currency,
        capacity: data.capacity,
        maxPerOrder,
        salesStartAt,
        salesEndAt,
      }),
    );
    const tier = await tx.tier.create({
      data: {
        eventId: event.id,
        name: data.name,
        description: data.description,
        priceMinor: data.priceMinor,
        currency,
        capacity: data.capacity,
        maxPerOrder,
        salesStartAt,
        salesEndAt,
        visibility: data.visibility ?? "public",
        sortOrder: data.sortOrder ?? (await nextSortOrder(tx, event.id)),
      },
      select: TIER_SELECT,
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: options.actorUserId ?? null,
      actorType: options.actorUserId ? "user" : "system",
      action: "tier.created",
      entityType: "tier",
      entityId: tier.id,
      data: {
        eventId: event.id,
        name: tier.name,
        priceMinor: tier.priceMinor,
        currency: tier.currency,
        capacity: tier.capacity,
        visibility: tier.visibility,
      },
    });
    return toTierSummary(tier, undefined);
  });
}
