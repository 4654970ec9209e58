import { z } from "zod";
import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { decideEventAppeal } from "@/lib/moderation/decide-event-appeal";

/** POST { decision: "restore" } or { decision: "keep_down", reason } (platform admins) → the moderation;
 * 422 on a bad body, 409 when the event is not moderated or cannot be published. */
export const POST = withAdmin<{ id: string }>(async (request, { user, params }) =>
  decideEventAppeal(user.id, params.id, await readJson(request, z.unknown())),
);
