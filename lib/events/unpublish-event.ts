import "server-only";
import { AppError } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { changeEventStatus } from "@/lib/events/change-event-status";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

/** published → draft: the public page and sales stop; tickets already sold stay valid. */
export async function unpublishEvent(
  actor: EventActor,
  eventId: string,
  now = new Date(),
): Promise<OrganizerEvent> {
  return changeEventStatus(actor, eventId, now, (_tx, event) => {
    if (event.status !== "published") {
      throw AppError.conflict(`Only a published event can be unpublished; this one is ${event.status}.`);
    }
    return {
      data: { status: "draft", publishedAt: null },
      action: "event.unpublished",
      auditData: { slug: event.slug },
    };
  });
}
