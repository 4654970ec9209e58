import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organizerEventSelect, type EventRow } from "@/lib/events/organizer-event-view";

/**
 * Locks one of the organizer's events for the rest of the transaction and reads it. 404 for an event that
 * does not exist or belongs to another organizer: the same answer, so ids can't be probed. FOR NO KEY
 * UPDATE, not FOR UPDATE: rows inserted for the event (holds, orders, tickets) take KEY SHARE on it through
 * their foreign keys, and a payment holding the inventory locks must not wait for us while we wait for them
 * (a capacity change takes those locks after this one).
 */
export async function lockOrganizerEvent(tx: Db, organizerId: string, eventId: string): Promise<EventRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tickets_events WHERE id = ${eventId} AND organizer_id = ${organizerId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Event not found.");
  const row = await tx.event.findFirst({ where: { id: eventId, organizerId }, select: organizerEventSelect });
  if (!row) throw AppError.notFound("Event not found.");
  return row;
}
