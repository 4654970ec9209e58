import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";
import { refreshConnectedAccount } from "@/lib/payments/refresh-connected-account";

export const dynamic = "force-dynamic";

/** POST → re-reads the organizer's account from Stripe and answers the stored payments status. */
export const POST = withOrganizer(ROLES.owner, async (_request, { user, organizer }) => {
  await refreshConnectedAccount(organizer.id, { actorUserId: user.id, source: "recheck" });
  return getPaymentsStatus(organizer.id);
});
