import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { streamEventExport } from "@/lib/exports/stream-event-export";

/**
 * GET ?kind=orders|attendees|emails|scans[&bom=1] (owners, managers) → the event's CSV, streamed
 * (text/csv, attachment "<slug>-<kind>.csv"); 404 for another organizer's event, 422 naming `kind` or `bom`.
 */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (request, { user, organizer, params }) =>
  streamEventExport({ organizerId: organizer.id, userId: user.id }, params.id, request),
);
