import { withAdmin } from "@/lib/auth/with-admin";
import { dismissEventReport } from "@/lib/moderation/dismiss-event-report";

/** POST (platform admins) → the report, dismissed; 409 when it is already closed. */
export const POST = withAdmin<{ id: string }>(async (_request, { user, params }) =>
  dismissEventReport(user.id, params.id),
);
