import { withAdmin } from "@/lib/auth/with-admin";
import { listPlatformOrganizers } from "@/lib/organizers/list-platform-organizers";

/** GET (platform admins) → every organizer with Stripe status, event counts and suspension. */
export const GET = withAdmin(async () => ({ organizers: await listPlatformOrganizers() }));
