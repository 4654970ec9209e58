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

/** Any status → archived: off the public list, no more edits. */
export async function archiveEvent(
  actor: EventActor,
  eventId: string,
  now = new Date(),
): Promise<OrganizerEvent> {
  return db.$transaction(async (tx) => {
    const event = await lockOrganizerEvent(tx, actor.organizerId, eventId);
    if (event.status === "archived") throw AppError.conflict("This event is already archived.");
    const updated = await tx.event.update({
      where: { id: event.id, organizerId: actor.organizerId },
      data: { status: "archived" },
      select: organizerEventSelect,
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "event.archived",
      entityType: "event",
      entityId: event.id,
      data: { from: event.status },
    });
    return toOrganizerEvent(tx, updated, now);
  });
}
