import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  organizerEventSelect,
  toOrganizerEvent,
  type OrganizerEvent,
} from "@/lib/events/organizer-event-view";

export type { OrganizerEvent };

/** One of the organizer's events; 404 when it does not exist or belongs to another organizer. */
export async function getOrganizerEvent(organizerId: string, eventId: string): Promise<OrganizerEvent> {
  const row = await db.event.findFirst({ where: { id: eventId, organizerId }, select: organizerEventSelect });
  if (!row) throw AppError.notFound("Event not found.");
  return toOrganizerEvent(db, row);
}
