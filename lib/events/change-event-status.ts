// The skeleton every organizer status change shares: lock the event, let the caller check it and say what
// changes, write it (scoped to the organizer), record one audit entry, and return the event as it now is.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db, type Prisma } from "@/lib/db";
import type { EventActor } from "@/lib/events/event-actor";
import { lockOrganizerEvent } from "@/lib/events/lock-organizer-event";
import {
  organizerEventSelect,
  toOrganizerEvent,
  type EventRow,
  type OrganizerEvent,
} from "@/lib/events/organizer-event-view";

export interface EventStatusChange {
  /** The columns to write. */
  data: Prisma.EventUpdateInput;
  /** The audit action, e.g. `event.published`, and what the entry records. */
  action: string;
  auditData: Prisma.InputJsonValue;
}

/** `decide` throws (e.g. AppError.conflict) to refuse the change; it runs inside the transaction. */
export async function changeEventStatus(
  actor: EventActor,
  eventId: string,
  now: Date,
  decide: (tx: Db, event: EventRow) => Promise<EventStatusChange> | EventStatusChange,
): Promise<OrganizerEvent> {
  return db.$transaction(async (tx) => {
    const event = await lockOrganizerEvent(tx, actor.organizerId, eventId);
    const change = await decide(tx, event);
    const updated = await tx.event.update({
      where: { id: event.id, organizerId: actor.organizerId },
      data: change.data,
      select: organizerEventSelect,
    });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: change.action,
      entityType: "event",
      entityId: event.id,
      data: change.auditData,
    });
    return toOrganizerEvent(tx, updated);
  });
}
