import { withAdmin } from "@/lib/auth/with-admin";
import { listPlatformEvents } from "@/lib/moderation/list-platform-events";

/** GET ?q&status&cursor (platform admins) → one page of every organizer's events; 422 on a bad filter. */
export const GET = withAdmin(async (request) =>
  listPlatformEvents(Object.fromEntries(new URL(request.url).searchParams)),
);
