import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getEventSummary } from "@/lib/reports/get-event-summary";

/**
 * GET (owners, managers) → the event's figures: money per currency (gross, platform fees, refunds, net to
 * organizer), tax per name, comps, check-in, units per tier and discount code usage. 404 for another
 * organizer's event.
 */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  getEventSummary(organizer.id, params.id),
);
