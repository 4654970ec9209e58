import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { unpublishEvent } from "@/lib/events/unpublish-event";

/** POST (owner, manager) → the event, now unpublished; 409 when its status does not allow it. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) =>
    unpublishEvent({ organizerId: organizer.id, userId: user.id }, params.id),
);
