import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getEventCheckins } from "@/lib/checkin/get-event-checkins";

/** GET → per-tier progress, recent scans, duplicates and devices. Owners, managers and scanners. */
export const GET = withOrganizer<{ id: string }>(ROLES.checkIn, async (_request, { organizer, params }) =>
  getEventCheckins(organizer.id, params.id),
);
