import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { lockOrganizerEvent } from "@/lib/events/lock-organizer-event";
import {
  organizerEventSelect,
  toOrganizerEvent,
  type OrganizerEvent,
} from "@/lib/events/organizer-event-view";

/** published → draft: the public page and sales stop; tickets already sold stay valid. */
export async function unpublishEvent(
  actor: EventActor,
  eventId: string,
  now = new Date(),
): Promise<OrganizerEvent> {
  return db.$transaction(async (tx) => {
    const event = await lockOrganizerEvent(tx, actor.organizerId, eventId);
    if (event.status !== "published") {
      throw AppError.conflict(`Only a published event can be unpublished; this one is ${event.status}.`);
    }
    const updated = await tx.event.update({
      where: { id: event.id, organizerId: actor.organizerId },
      data: { status: "draft", publishedAt: null },
      select: organizerEventSelect,
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "event.unpublished",
      entityType: "event",
      entityId: event.id,
      data: { slug: event.slug },
    });
    return toOrganizerEvent(tx, updated, now);
  });
}
