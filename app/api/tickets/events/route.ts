import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { createEvent } from "@/lib/events/create-event";
import { listOrganizerEvents } from "@/lib/events/list-organizer-events";
import { readJson } from "@/lib/http/route";

/** GET (owner, manager) → the organizer's events with tier counts and tickets sold. */
export const GET = withOrganizer(ROLES.manage, async (_request, { organizer }) => ({
  events: await listOrganizerEvents(organizer.id),
}));

/** POST (owner, manager) → 201 with the new draft event; 422/409 problem+json naming the field. */
export const POST = withOrganizer(
  ROLES.manage,
  async (request, { user, organizer }) =>
    // createEvent validates the body itself (times need the event's time zone).
    createEvent({ organizerId: organizer.id, userId: user.id }, await readJson(request, z.unknown())),
  { status: 201 },
);
