import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { countSeatsTaken } from "@/lib/events/count-seats-taken";
import type { EventActor } from "@/lib/events/event-actor";
import {
  assertCoordinatesPaired,
  assertEndsAfterStart,
  assertEventEditable,
  resolveDateTime,
  updateEventSchema,
} from "@/lib/events/event-rules";
import { isUniqueViolation } from "@/lib/events/find-available-event-slug";
import { lockOrganizerEvent } from "@/lib/events/lock-organizer-event";
import {
  organizerEventSelect,
  toOrganizerEvent,
  type OrganizerEvent,
} from "@/lib/events/organizer-event-view";
import { lockInventory } from "@/lib/inventory/lock-inventory";

export { updateEventSchema };

/**
 * Changes some of an event's fields. Under the event's row lock: archived/cancelled → 409; the slug only
 * while draft (409 after publishing, 409 when taken); the end after the start (422 `endsAt`); capacity
 * not below the seats already sold or held (422 `capacity`); the currency only while there are no tiers.
 */
export async function updateEvent(
  actor: EventActor,
  eventId: string,
  input: unknown,
): Promise<OrganizerEvent> {
  const data = parseInput(updateEventSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const event = await lockOrganizerEvent(tx, actor.organizerId, eventId);
      assertEventEditable(event.status);

      const changes: Prisma.EventUpdateInput = {};
      const set = <K extends keyof Prisma.EventUpdateInput>(key: K, value: Prisma.EventUpdateInput[K]) => {
        changes[key] = value;
      };

      if (data.slug !== undefined && data.slug !== event.slug) {
        if (event.status !== "draft") {
          throw AppError.conflict("The slug cannot change once the event has been published.", "slug");
        }
        const taken = await tx.event.findUnique({ where: { slug: data.slug }, select: { id: true } });
        if (taken) throw AppError.conflict("That slug is already taken.", "slug");
        set("slug", data.slug);
      }

      for (const key of [
        "title",
        "summary",
        "description",
        "venueName",
        "venueAddress",
        "venueLatitude",
        "venueLongitude",
        "city",
        "region",
        "country",
        "coverImageUrl",
        "feeModel",
        "stripeTaxEnabled",
        "transfersEnabled",
      ] as const) {
        if (data[key] !== undefined && data[key] !== event[key]) set(key, data[key]);
      }
      if (data.taxes !== undefined) set("taxes", data.taxes);
      assertCoordinatesPaired(
        data.venueLatitude !== undefined ? data.venueLatitude : event.venueLatitude,
        data.venueLongitude !== undefined ? data.venueLongitude : event.venueLongitude,
      );

      const timezone = data.timezone ?? event.timezone;
      if (timezone !== event.timezone) set("timezone", timezone);
      const startsAt = data.startsAt ? resolveDateTime(data.startsAt, timezone) : event.startsAt;
      const endsAt = data.endsAt ? resolveDateTime(data.endsAt, timezone) : event.endsAt;
      assertEndsAfterStart(startsAt, endsAt);
      if (startsAt.getTime() !== event.startsAt.getTime()) set("startsAt", startsAt);
      if (endsAt.getTime() !== event.endsAt.getTime()) set("endsAt", endsAt);
      if (data.allowRefundsUntil !== undefined) {
        set(
          "allowRefundsUntil",
          data.allowRefundsUntil === null ? null : resolveDateTime(data.allowRefundsUntil, timezone),
        );
      }

      if (data.currency !== undefined && data.currency !== event.currency) {
        const tiers = await tx.tier.count({ where: { eventId: event.id } });
        if (tiers > 0) {
          throw AppError.conflict(
            "The currency cannot change while the event has ticket tiers priced in it.",
            "currency",
          );
        }
        set("currency", data.currency);
      }

      if (data.capacity !== undefined && data.capacity !== event.capacity) {
        if (data.capacity !== null) {
          // Freeze the event's inventory (waits for checkouts taking holds right now), then count.
          await lockInventory(tx, { eventId: event.id, tierIds: [], eventExclusive: true });
          const taken = await countSeatsTaken(tx, event.id);
          if (data.capacity < taken) {
            throw AppError.validation(
              "capacity",
              `cannot be below the ${taken} ticket${taken === 1 ? "" : "s"} already sold or held`,
            );
          }
        }
        set("capacity", data.capacity);
      }

      const changed = Object.keys(changes);
      if (changed.length === 0) return toOrganizerEvent(tx, event);
      const updated = await tx.event.update({
        where: { id: event.id, organizerId: actor.organizerId },
        data: changes,
        select: organizerEventSelect,
      });
      await recordAudit(tx, {
        organizerId: actor.organizerId,
        actorUserId: actor.userId,
        actorType: "user",
        action: "event.updated",
        entityType: "event",
        entityId: event.id,
        data: { fields: changed },
      });
      return toOrganizerEvent(tx, updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.conflict("That slug is already taken.", "slug");
    throw error;
  }
}
