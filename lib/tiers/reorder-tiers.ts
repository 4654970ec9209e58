import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { getEditableEvent } from "@/lib/tiers/get-editable-event";
import { listEventTiers, type EventTierList } from "@/lib/tiers/list-event-tiers";
import { reorderTiersSchema } from "@/lib/tiers/tier-rules";

/**
 * Puts the event's tiers in the given order (sortOrder = position). `tierIds` must list every tier of the
 * event exactly once (422 naming `tierIds` otherwise), so a stale list cannot drop or invent a tier.
 */
export async function reorderTiers(
  organizerId: string,
  eventId: string,
  input: unknown,
  options: { actorUserId?: string } = {},
): Promise<EventTierList> {
  const { tierIds } = parseInput(reorderTiersSchema, input);
  return db.$transaction(async (tx) => {
    const event = await getEditableEvent(tx, organizerId, eventId);
    const tiers = await tx.tier.findMany({
      where: { eventId: event.id, event: { organizerId } },
      select: { id: true, sortOrder: true },
    });
    const known = new Set(tiers.map((t) => t.id));
    if (
      tierIds.length !== tiers.length ||
      new Set(tierIds).size !== tierIds.length ||
      !tierIds.every((id) => known.has(id))
    ) {
      throw AppError.validation(
        "tierIds",
        "must list every tier of this event exactly once; reload and try again",
      );
    }
    const current = new Map(tiers.map((t) => [t.id, t.sortOrder]));
    for (const [index, id] of tierIds.entries()) {
      if (current.get(id) !== index) await tx.tier.update({ where: { id }, data: { sortOrder: index } });
    }
    await recordAudit(tx, {
      organizerId,
      actorUserId: options.actorUserId ?? null,
      actorType: options.actorUserId ? "user" : "system",
      action: "tiers.reordered",
      entityType: "event",
      entityId: event.id,
      data: { tierIds },
    });
    return listEventTiers(organizerId, event.id, { db: tx });
  });
}
