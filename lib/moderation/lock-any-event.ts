import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrganizerEvent } from "@/lib/events/lock-organizer-event";
import type { EventRow } from "@/lib/events/organizer-event-view";

export interface ModeratedEventRow extends EventRow {
  moderationReason: string | null;
  moderatedAt: Date | null;
  appealNote: string | null;
  appealedAt: Date | null;
}

/**
 * For platform admins, who act across tenants: finds the event's organizer, then locks the event through
 * lockOrganizerEvent (the same lock every organizer status change takes) and reads its moderation columns.
 */
export async function lockAnyEvent(tx: Db, eventId: string): Promise<ModeratedEventRow> {
  const owner = await tx.event.findUnique({ where: { id: eventId }, select: { organizerId: true } });
  if (!owner) throw AppError.notFound("Event not found.");
  const event = await lockOrganizerEvent(tx, owner.organizerId, eventId);
  const moderation = await tx.event.findFirstOrThrow({
    where: { id: eventId, organizerId: owner.organizerId },
    select: { moderationReason: true, moderatedAt: true, appealNote: true, appealedAt: true },
  });
  return { ...event, ...moderation };
}
