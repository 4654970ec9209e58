import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getOrganizerEvent } from "@/lib/events/get-organizer-event";
import { updateEvent } from "@/lib/events/update-event";
import { readJson } from "@/lib/http/route";

/** GET (owner, manager) → the event; 404 when it belongs to another organizer. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  getOrganizerEvent(organizer.id, params.id),
);

/** PATCH (owner, manager) { any fields } → the updated event. */
export const PATCH = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) =>
    updateEvent(
      { organizerId: organizer.id, userId: user.id },
      params.id,
      await readJson(request, z.unknown()),
    ),
);
