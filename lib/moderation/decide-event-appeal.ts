// A platform admin answers a moderated event: restore publication (the publish rules still apply, see
// assertEventPublishable) or keep it down with a reason the organizer sees, which clears the appeal so they
// can edit and ask again.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { assertEventPublishable } from "@/lib/events/assert-event-publishable";
import { lockAnyEvent } from "@/lib/moderation/lock-any-event";
import {
  eventModerationSelect,
  toEventModeration,
  type EventModeration,
} from "@/lib/moderation/event-moderation-view";
import { appealDecisionSchema } from "@/lib/moderation/moderation-rules";

/** 422 on a bad decision or keep_down without a reason; 404 unknown event; 409 when it is not moderated. */
export async function decideEventAppeal(
  adminUserId: string,
  eventId: string,
  input: unknown,
  now = new Date(),
): Promise<EventModeration> {
  const decision = parseInput(appealDecisionSchema, input);
  return db.$transaction(async (tx) => {
    const event = await lockAnyEvent(tx, eventId);
    if (!event.moderatedAt) throw AppError.conflict("This event is not unpublished by an admin.");
    const audit = {
      organizerId: event.organizerId,
      actorUserId: adminUserId,
      actorType: "admin" as const,
      entityType: "event",
      entityId: event.id,
    };
    if (decision.decision === "restore") {
      if (event.status !== "draft") throw AppError.conflict(`This event is ${event.status}.`);
      await assertEventPublishable(tx, event, now);
      const updated = await tx.event.update({
        where: { id: event.id, organizerId: event.organizerId },
        data: {
          status: "published",
          publishedAt: now,
          moderationReason: null,
          moderatedAt: null,
          appealNote: null,
          appealedAt: null,
        },
        select: eventModerationSelect,
      });
      await recordAudit(tx, {
        ...audit,
        action: "tickets.event.restored",
        data: { previousReason: event.moderationReason, appealNote: event.appealNote },
      });
      return toEventModeration(updated);
    }
    const updated = await tx.event.update({
      where: { id: event.id, organizerId: event.organizerId },
      data: { moderationReason: decision.reason, appealNote: null, appealedAt: null },
      select: eventModerationSelect,
    });
    await recordAudit(tx, {
      ...audit,
      action: "tickets.event.kept_down",
      data: { reason: decision.reason, appealNote: event.appealNote },
    });
    return toEventModeration(updated);
  });
}
