import type { PaymentsStatus } from "@/lib/payments/get-payments-status";
import { badgeClass, cx, ui } from "@/components/ui/styles";

type BadgeStatus = Pick<
  PaymentsStatus,
  "connected" | "testMode" | "chargesEnabled" | "payoutsEnabled" | "detailsSubmitted"
>;

/** Charges / payouts / details badges (plus "test mode"), or "not connected". */
export function StripeStatusBadges({ status }: { status: BadgeStatus }) {
  if (!status.connected) return <span className={badgeClass("warn")}>Stripe not connected yet</span>;
  return (
    <span className={cx(ui.row, "gap-2")}>
      {status.testMode ? (
        <span
          className={badgeClass("warn")}
          title="Connected to a built-in test account: no real money moves"
        >
          Test mode
        </span>
      ) : null}
      <span className={badgeClass(status.chargesEnabled ? "ok" : "warn")}>
        {status.chargesEnabled ? "Charges enabled" : "Charges not enabled yet"}
      </span>
      <span className={badgeClass(status.payoutsEnabled ? "ok" : "warn")}>
        {status.payoutsEnabled ? "Payouts enabled" : "Payouts not enabled yet"}
      </span>
      <span className={badgeClass(status.detailsSubmitted ? "ok" : "warn")}>
        {status.detailsSubmitted ? "Details submitted" : "Details not submitted yet"}
      </span>
    </span>
  );
}
