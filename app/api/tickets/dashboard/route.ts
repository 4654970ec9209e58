import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getOrganizerDashboard } from "@/lib/reports/get-organizer-dashboard";

/** GET (owners, managers) → the active organizer's figures over every event, per currency, and one row per event. */
export const GET = withOrganizer(ROLES.manage, async (_request, { organizer }) =>
  getOrganizerDashboard(organizer.id),
);
