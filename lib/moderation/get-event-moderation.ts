import "server-only";
import { db } from "@/lib/db";
import {
  eventModerationSelect,
  toEventModeration,
  type EventModeration,
} from "@/lib/moderation/event-moderation-view";

/** The organizer's view of their event's moderation (tenant-scoped); null when the event is not theirs. */
export async function getEventModeration(
  organizerId: string,
  eventId: string,
): Promise<EventModeration | null> {
  const row = await db.event.findFirst({
    where: { id: eventId, organizerId },
    select: eventModerationSelect,
  });
  return row ? toEventModeration(row) : null;
}
