import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { publishEvent } from "@/lib/events/publish-event";

/** POST (owner, manager) → the event, now published; 409 when its status does not allow it, when it has no tiers or has ended, or when paid tiers need a Stripe account that can take charges. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) =>
    publishEvent({ organizerId: organizer.id, userId: user.id }, params.id),
);
