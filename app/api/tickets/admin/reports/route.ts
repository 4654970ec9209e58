import { withAdmin } from "@/lib/auth/with-admin";
import { listEventReports } from "@/lib/moderation/list-event-reports";

/** GET ?status&cursor (platform admins) → one page of event reports, open ones by default. */
export const GET = withAdmin(async (request) =>
  listEventReports(Object.fromEntries(new URL(request.url).searchParams)),
);
