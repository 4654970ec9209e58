import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import {
  assertCoordinatesPaired,
  assertEndsAfterStart,
  createEventSchema,
  resolveDateTime,
  suggestEventSlug,
} from "@/lib/events/event-rules";
import { findAvailableEventSlug, isUniqueViolation } from "@/lib/events/find-available-event-slug";
import {
  organizerEventSelect,
  toOrganizerEvent,
  type OrganizerEvent,
} from "@/lib/events/organizer-event-view";
import { getOrCreateEventKey } from "@/lib/tickets/signing";

export { createEventSchema };

/**
 * Creates a draft event for the organizer. Times given as wall-clock strings are read in the event's time
 * zone; time zone and currency default to the organizer's; no slug → one suggested from the title.
 */
export async function createEvent(actor: EventActor, input: unknown): Promise<OrganizerEvent> {
  const data = parseInput(createEventSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const organizer = await tx.organizer.findUnique({
        where: { id: actor.organizerId },
        select: { defaultCurrency: true, timezone: true },
      });
      if (!organizer) throw AppError.notFound("Organizer not found.");
      const timezone = data.timezone ?? organizer.timezone;
      const startsAt = resolveDateTime(data.startsAt, timezone);
      const endsAt = resolveDateTime(data.endsAt, timezone);
      assertEndsAfterStart(startsAt, endsAt);
      assertCoordinatesPaired(data.venueLatitude ?? null, data.venueLongitude ?? null);

      let slug: string;
      if (data.slug) {
        const taken = await tx.event.findUnique({ where: { slug: data.slug }, select: { id: true } });
        if (taken) throw AppError.conflict("That slug is already taken.", "slug");
        slug = data.slug;
      } else {
        slug = await findAvailableEventSlug(tx, suggestEventSlug(data.title));
      }

      const row = await tx.event.create({
        data: {
          organizerId: actor.organizerId,
          slug,
          title: data.title,
          summary: data.summary ?? null,
          description: data.description ?? null,
          venueName: data.venueName,
          venueAddress: data.venueAddress ?? null,
          venueLatitude: data.venueLatitude ?? null,
          venueLongitude: data.venueLongitude ?? null,
          city: data.city,
          region: data.region ?? null,
          country: data.country,
          timezone,
          startsAt,
          endsAt,
          capacity: data.capacity ?? null,
          currency: data.currency ?? organizer.defaultCurrency,
          coverImageUrl: data.coverImageUrl ?? null,
          allowRefundsUntil: data.allowRefundsUntil
            ? resolveDateTime(data.allowRefundsUntil, timezone)
            : null,
          feeModel: data.feeModel,
          taxes: data.taxes,
          stripeTaxEnabled: data.stripeTaxEnabled,
          transfersEnabled: data.transfersEnabled,
        },
        select: organizerEventSelect,
      });
      // Its ticket-signing key now, so no payment ever waits on creating it.
      await getOrCreateEventKey(tx, { id: row.id, organizerId: actor.organizerId });
      await recordAudit(tx, {
        organizerId: actor.organizerId,
        actorUserId: actor.userId,
        actorType: "user",
        action: "event.created",
        entityType: "event",
        entityId: row.id,
        data: { title: row.title, slug: row.slug },
      });
      return toOrganizerEvent(tx, row);
    });
  } catch (error) {
    // The only unique column written here is the slug (someone took it between our check and the insert).
    if (isUniqueViolation(error)) throw AppError.conflict("That slug is already taken.", "slug");
    throw error;
  }
}
