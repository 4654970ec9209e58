// The event a tier or discount change applies to, scoped to the organizer, locked for the transaction.
import "server-only";
import type { Db } from "@/lib/db";
import type { EventStatus } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface EditableEvent {
  id: string;
  currency: string;
  timezone: string;
  status: EventStatus;
}

const FROZEN: readonly EventStatus[] = ["cancelled", "archived"];

/** 409 for a cancelled or archived event: its tiers and codes no longer change. */
export function assertEventEditable(event: { status: EventStatus }): void {
  if (FROZEN.includes(event.status)) {
    throw AppError.conflict(
      `This event is ${event.status}; its tiers and discount codes can no longer be changed.`,
    );
  }
}

/**
 * The organizer's event (404 for another organizer's or a missing one), row-locked so tier and discount
 * changes on one event are serialised (and wait for an event update holding FOR UPDATE), and refused with
 * 409 when cancelled or archived. Call inside a transaction. FOR NO KEY UPDATE, not FOR UPDATE: inserting
 * holds and orders takes KEY SHARE on the event row (foreign keys), which must not wait for us.
 */
export async function getEditableEvent(tx: Db, organizerId: string, eventId: string): Promise<EditableEvent> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tickets_events WHERE id = ${eventId} AND organizer_id = ${organizerId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Event not found.");
  const event = await tx.event.findFirst({
    where: { id: eventId, organizerId },
    select: { id: true, currency: true, timezone: true, status: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  assertEventEditable(event);
  return event;
}
