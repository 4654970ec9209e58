import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { archiveEvent } from "@/lib/events/archive-event";

/** POST (owner, manager) → the event, now archived; 409 when its status does not allow it. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) =>
    archiveEvent({ organizerId: organizer.id, userId: user.id }, params.id),
);
