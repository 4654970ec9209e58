import { withAdmin } from "@/lib/auth/with-admin";
import { runEventReminders } from "@/lib/reminders/run-event-reminders";

/** POST (platform admins) → { sent, errors }: the reminders due now (events starting within 24 hours), once. */
export const POST = withAdmin(async (_request, { user }) => runEventReminders({ userId: user.id }));
