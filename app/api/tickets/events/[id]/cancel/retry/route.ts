import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { retryCancellationRefunds } from "@/lib/events/cancel-event";

/** POST (owner, manager) → 202 progress: the refunds that failed are requested again. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) =>
    retryCancellationRefunds({ organizerId: organizer.id, userId: user.id }, params.id),
  { status: 202 },
);
