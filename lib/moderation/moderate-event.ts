// A platform admin takes an event down (§7): published → draft with a reason the organizer sees on their
// event page. While moderated the organizer cannot republish (publishEvent refuses); they edit and "Ask for
// review" (appealEvent), and an admin restores it or keeps it down (decideEventAppeal). The event's open
// reports are marked actioned in the same transaction.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { lockAnyEvent } from "@/lib/moderation/lock-any-event";
import {
  eventModerationSelect,
  toEventModeration,
  type EventModeration,
} from "@/lib/moderation/event-moderation-view";
import { adminReasonSchema } from "@/lib/moderation/moderation-rules";

/** 422 without a reason; 404 unknown event; 409 when it is cancelled, archived or already moderated. */
export async function moderateEvent(
  adminUserId: string,
  eventId: string,
  input: unknown,
  now = new Date(),
): Promise<EventModeration> {
  const { reason } = parseInput(adminReasonSchema, input);
  return db.$transaction(async (tx) => {
    const event = await lockAnyEvent(tx, eventId);
    if (event.moderatedAt) throw AppError.conflict("This event is already unpublished by an admin.");
    if (event.status !== "published" && event.status !== "draft") {
      throw AppError.conflict(`This event is ${event.status}; there is nothing to unpublish.`);
    }
    const updated = await tx.event.update({
      where: { id: event.id, organizerId: event.organizerId },
      data: {
        status: "draft",
        publishedAt: null,
        moderationReason: reason,
        moderatedAt: now,
        appealNote: null,
        appealedAt: null,
      },
      select: eventModerationSelect,
    });
    const reports = await tx.eventReport.updateMany({
      where: { eventId: event.id, status: "open" },
      data: { status: "actioned", resolvedAt: now, resolvedBy: adminUserId },
    });
    await recordAudit(tx, {
      organizerId: event.organizerId,
      actorUserId: adminUserId,
      actorType: "admin",
      action: "tickets.event.moderated",
      entityType: "event",
      entityId: event.id,
      data: { reason, wasPublished: event.status === "published", reportsActioned: reports.count },
    });
    return toEventModeration(updated);
  });
}
