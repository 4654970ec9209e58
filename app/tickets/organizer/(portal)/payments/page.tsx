import type { Metadata } from "next";
import { ConnectStripeButton } from "@/components/payments/connect-stripe-button";
import { PayoutOverviewPanel } from "@/components/payments/payout-overview";
import { RecheckStripeButton } from "@/components/payments/recheck-stripe-button";
import { RequirementList } from "@/components/payments/requirement-list";
import { StripeStatusBadges } from "@/components/payments/stripe-status-badges";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { formatInZone } from "@/lib/events/zoned-time";
import { ROLES } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";
import { getPayoutOverview } from "@/lib/payments/get-payout-overview";
import { refreshConnectedAccount } from "@/lib/payments/refresh-connected-account";
import { isStripeTestMode } from "@/lib/payments/stripe-client";
import { alertClass, badgeClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KIND_LABEL = { express: "Stripe Express", standard: "Stripe Standard" } as const;

/** Back from Stripe (`?return=1`): returning proves nothing, so re-read the account and store what it says. */
async function syncAfterReturn(organizerId: string, userId: string): Promise<"updated" | "failed"> {
  try {
    await refreshConnectedAccount(organizerId, { actorUserId: userId, source: "return" });
    return "updated";
  } catch (error) {
    if (!isAppError(error)) {
      log.error(
        { event: "tickets.payments.return_sync_failed", err: error instanceof Error ? error.message : error },
        "could not re-read the connected account after onboarding",
      );
    }
    return "failed";
  }
}

export default async function PaymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, organizer, role } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/payments",
  });
  const params = await searchParams;
  const isOwner = role === "owner";
  const returned = params.return === "1" && isOwner ? await syncAfterReturn(organizer.id, user.id) : null;
  const status = await getPaymentsStatus(organizer.id);
  const payoutsOn = env.TICKETING_PAYOUTS;
  const serverTestMode = isStripeTestMode();
  const linkError = typeof params.link_error === "string";
  // Balances and payouts are the owner's (ROLES.owner: payouts), read from Stripe as their account.
  const payouts = isOwner && payoutsOn ? await getPayoutOverview(organizer.id) : null;

  return (
    <main className={ui.page}>
      <h1>Payments</h1>
      {serverTestMode ? (
        <p className={alertClass()} role="note">
          <span className={badgeClass("warn")}>Stripe test mode</span> This server has no Stripe keys:
          onboarding and payments use built-in test pages and no real money moves.
        </p>
      ) : null}
      {returned === "updated" ? (
        <p className={alertClass("ok")} role="status">
          Welcome back. We checked your account with Stripe; its status is below.
        </p>
      ) : null}
      {returned === "failed" ? (
        <p className={alertClass("error")} role="alert">
          We could not check your account with Stripe just now. The status below may be out of date; use
          “Re-check with Stripe” in a minute.
        </p>
      ) : null}
      {linkError ? (
        <p className={alertClass("error")} role="alert">
          We could not reopen Stripe onboarding. Press the button below to try again.
        </p>
      ) : null}

      <section className={cx(ui.card, ui.stack)}>
        <h2>Stripe account</h2>
        <p>
          Buyers pay through Stripe Checkout and the money goes to your own Stripe account; the platform fee
          is taken as a Stripe application fee. Paid tickets can go on sale once charges are enabled.
        </p>
        <StripeStatusBadges status={status} />
        {status.connected ? (
          <p className={ui.hint}>
            {status.accountKind ? KIND_LABEL[status.accountKind] : "Stripe"} account
            {status.testMode ? " (test mode: no real account behind it)" : ""}
            {status.syncedAt ? (
              <>
                {" "}
                · last checked{" "}
                <time dateTime={status.syncedAt.toISOString()}>
                  {formatInZone(status.syncedAt, organizer.timezone)}
                </time>
              </>
            ) : null}
          </p>
        ) : null}
        {status.disabledReason ? (
          <p className={alertClass("error")} role="alert">
            {status.disabledReason}
          </p>
        ) : null}
        <RequirementList title="Overdue: Stripe needs this now" items={status.pastDue} />
        <RequirementList
          title={
            status.deadline
              ? `Stripe still needs (by ${status.deadline.toUTCString()})`
              : "Stripe still needs"
          }
          items={status.currentlyDue}
        />
        <RequirementList title="Stripe is verifying" items={status.pendingVerification} />
        <RequirementList title="Needed later, as you sell more" items={status.eventuallyDue} />

        {!payoutsOn ? (
          <p className={alertClass()} role="note">
            Connecting Stripe accounts is turned off on this platform right now.
          </p>
        ) : isOwner ? (
          <div className={cx(ui.row, "items-start")}>
            {status.needsOnboarding ? (
              <ConnectStripeButton
                label={status.connected ? "Continue Stripe onboarding" : "Connect Stripe"}
              />
            ) : null}
            {status.connected && !status.testMode ? <RecheckStripeButton /> : null}
          </div>
        ) : (
          <p className={ui.hint}>
            Only an owner of {organizer.name} can connect or change the Stripe account.
          </p>
        )}
      </section>
      {payouts ? (
        <PayoutOverviewPanel overview={payouts} timeZone={organizer.timezone} />
      ) : (
        <p className={ui.hint}>
          {payoutsOn
            ? `Only an owner of ${organizer.name} sees the Stripe balance and payouts.`
            : "Payouts are turned off on this platform right now."}
        </p>
      )}
    </main>
  );
}
