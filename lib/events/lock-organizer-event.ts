import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizerEventSelect, type EventRow } from "@/lib/events/organizer-event-view";

/**
 * Locks one of the organizer's events (SELECT … FOR UPDATE) for the rest of the transaction and reads it.
 * 404 for an event that does not exist or belongs to another organizer: the same answer, so ids can't be
 * probed.
 */
export async function lockOrganizerEvent(tx: Db, organizerId: string, eventId: string): Promise<EventRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tickets_events WHERE id = ${eventId} AND organizer_id = ${organizerId} FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Event not found.");
  const row = await tx.event.findFirst({ where: { id: eventId, organizerId }, select: organizerEventSelect });
  if (!row) throw AppError.notFound("Event not found.");
  return row;
}
