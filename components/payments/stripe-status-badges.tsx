import type { PaymentsStatus } from "@/lib/payments/get-payments-status";

type BadgeStatus = Pick<
  PaymentsStatus,
  "connected" | "testMode" | "chargesEnabled" | "payoutsEnabled" | "detailsSubmitted"
>;

/** Charges / payouts / details badges (plus "test mode"), or "not connected". */
export function StripeStatusBadges({ status }: { status: BadgeStatus }) {
  if (!status.connected) return <span className="badge warn">Stripe not connected yet</span>;
  return (
    <span className="row" style={{ gap: "0.5rem", flexWrap: "wrap" }}>
      {status.testMode ? (
        <span className="badge warn" title="Connected to a built-in test account: no real money moves">
          Test mode
        </span>
      ) : null}
      <span className={`badge ${status.chargesEnabled ? "ok" : "warn"}`}>
        {status.chargesEnabled ? "Charges enabled" : "Charges not enabled yet"}
      </span>
      <span className={`badge ${status.payoutsEnabled ? "ok" : "warn"}`}>
        {status.payoutsEnabled ? "Payouts enabled" : "Payouts not enabled yet"}
      </span>
      <span className={`badge ${status.detailsSubmitted ? "ok" : "warn"}`}>
        {status.detailsSubmitted ? "Details submitted" : "Details not submitted yet"}
      </span>
    </span>
  );
}
