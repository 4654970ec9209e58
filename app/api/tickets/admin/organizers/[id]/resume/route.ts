import { withAdmin } from "@/lib/auth/with-admin";
import { resumeOrganizer } from "@/lib/organizers/resume-organizer";

/** POST (platform admins) → the organizer, active again; 409 when it was not suspended. */
export const POST = withAdmin<{ id: string }>(async (_request, { user, params }) =>
  resumeOrganizer(user.id, params.id),
);
