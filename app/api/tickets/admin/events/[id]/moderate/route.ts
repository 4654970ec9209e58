import { z } from "zod";
import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { moderateEvent } from "@/lib/moderation/moderate-event";

/** POST { reason } (platform admins) → the event's moderation: unpublished, with the reason the organizer
 * sees; 422 without a reason, 409 when cancelled, archived or already moderated. */
export const POST = withAdmin<{ id: string }>(async (request, { user, params }) =>
  moderateEvent(user.id, params.id, await readJson(request, z.unknown())),
);
