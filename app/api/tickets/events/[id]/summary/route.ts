import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { cachedReport } from "@/lib/reports/cached-report";
import { getEventSummary } from "@/lib/reports/get-event-summary";

/**
 * GET (owners, managers) → the event's figures: money per currency (gross, platform fees, refunds, net to
 * organizer), tax per name, comps, check-in, units per tier and discount code usage. 404 for another
 * organizer's event. Answers may be up to REPORT_CACHE_MS old.
 */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  cachedReport(organizer.id, `summary\u0000${params.id}`, () => getEventSummary(organizer.id, params.id)),
);
