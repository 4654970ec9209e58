import "server-only";
import { AppError } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { changeEventStatus } from "@/lib/events/change-event-status";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

/** Any status → archived: off the public list, no more edits. */
export async function archiveEvent(
  actor: EventActor,
  eventId: string,
  now = new Date(),
): Promise<OrganizerEvent> {
  return changeEventStatus(actor, eventId, now, (_tx, event) => {
    if (event.status === "archived") throw AppError.conflict("This event is already archived.");
    return {
      data: { status: "archived" },
      action: "event.archived",
      auditData: { from: event.status },
    };
  });
}
