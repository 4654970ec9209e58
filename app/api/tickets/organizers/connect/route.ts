import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { startConnectOnboarding } from "@/lib/payments/start-connect-onboarding";

export const dynamic = "force-dynamic";

/**
 * POST → `{ url, testMode }`: where to send the owner's browser to connect (or finish connecting) Stripe.
 * Creates the organizer's connected account the first time.
 */
export const POST = withOrganizer(ROLES.owner, async (_request, { user, organizer }) =>
  startConnectOnboarding(organizer.id, user.id),
);
