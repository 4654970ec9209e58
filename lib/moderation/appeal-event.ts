import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { lockOrganizerEvent } from "@/lib/events/lock-organizer-event";
import {
  eventModerationSelect,
  toEventModeration,
  type EventModeration,
} from "@/lib/moderation/event-moderation-view";
import { appealSchema } from "@/lib/moderation/moderation-rules";

/**
 * The organizer's "Ask for review" on an event a platform admin unpublished, after editing it: records the
 * appeal (what they changed) for the admin's events list. 409 when the event is not moderated or already
 * waiting for review; 422 without a note.
 */
export async function appealEvent(
  actor: EventActor,
  eventId: string,
  input: unknown,
  now = new Date(),
): Promise<EventModeration> {
  const { note } = parseInput(appealSchema, input);
  return db.$transaction(async (tx) => {
    await lockOrganizerEvent(tx, actor.organizerId, eventId);
    const current = await tx.event.findFirstOrThrow({
      where: { id: eventId, organizerId: actor.organizerId },
      select: { moderatedAt: true, appealedAt: true },
    });
    if (!current.moderatedAt) throw AppError.conflict("This event was not unpublished by an admin.");
    if (current.appealedAt) throw AppError.conflict("This event is already waiting for review.");
    const updated = await tx.event.update({
      where: { id: eventId, organizerId: actor.organizerId },
      data: { appealNote: note, appealedAt: now },
      select: eventModerationSelect,
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "tickets.event.appealed",
      entityType: "event",
      entityId: eventId,
      data: { note },
    });
    return toEventModeration(updated);
  });
}
