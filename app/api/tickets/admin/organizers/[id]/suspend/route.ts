import { z } from "zod";
import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { suspendOrganizer } from "@/lib/organizers/suspend-organizer";

/** POST { reason } (platform admins) → the suspension; 422 without a reason, 409 when already suspended. */
export const POST = withAdmin<{ id: string }>(async (request, { user, params }) =>
  suspendOrganizer(user.id, params.id, await readJson(request, z.unknown())),
);
