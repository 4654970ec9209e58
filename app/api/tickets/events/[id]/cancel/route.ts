import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { cancelEvent, getCancellationProgress } from "@/lib/events/cancel-event";

/** GET (owner, manager) → the cancellation's progress: n of N refunded, pending, failures. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  getCancellationProgress(organizer.id, params.id),
);

/** POST (owner, manager) → 202 progress: the event is cancelled and every paid order is being refunded. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) =>
    cancelEvent({ organizerId: organizer.id, userId: user.id }, params.id),
  { status: 202 },
);
