import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { appealEvent } from "@/lib/moderation/appeal-event";

/** POST { note } (owner, manager) → the moderation, now waiting for an admin's review; 422 without a note,
 * 409 when the event is not moderated or already waiting. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) =>
    appealEvent(
      { organizerId: organizer.id, userId: user.id },
      params.id,
      await readJson(request, z.unknown()),
    ),
);
