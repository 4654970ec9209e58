import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { cachedReport } from "@/lib/reports/cached-report";
import { getOrganizerDashboard } from "@/lib/reports/get-organizer-dashboard";

/**
 * GET (owners, managers) → the active organizer's figures over every event, per currency, and one row per
 * event. Answers may be up to REPORT_CACHE_MS old.
 */
export const GET = withOrganizer(ROLES.manage, async (_request, { organizer }) =>
  cachedReport(organizer.id, "dashboard", () => getOrganizerDashboard(organizer.id)),
);
