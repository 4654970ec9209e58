import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import type { BalanceAmount, PayoutOverview } from "@/lib/payments/get-payout-overview";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { alertClass, badgeClass, cx, ui } from "@/components/ui/styles";

const list = (amounts: BalanceAmount[]) =>
  amounts.length === 0 ? "—" : amounts.map((a) => formatMoney(a.amountMinor, a.currency)).join(" · ");

/**
 * The organizer's Stripe balance and recent payouts beside what the platform recorded (net to organizer per
 * currency), to reconcile. Test mode says plainly that the balance is computed here, not read from Stripe.
 */
export function PayoutOverviewPanel({ overview, timeZone }: { overview: PayoutOverview; timeZone: string }) {
  return (
    <section className={cx(ui.card, ui.stack)} aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">Balance and payouts</h2>
      {overview.source === "test_mode" ? (
        <p className={alertClass("warn")} role="note">
          <span className={badgeClass("warn")}>Test mode</span> No Stripe account is behind this: the balance
          below is a stand-in computed from your stored orders (all shown as available), and no payouts are
          made.
        </p>
      ) : null}
      {overview.error ? (
        <p className={alertClass("error")} role="alert">
          {overview.error}
        </p>
      ) : null}
      {overview.source === "not_connected" ? (
        <p>Connect Stripe above to see your balance and payouts here.</p>
      ) : (
        <dl className="grid grid-cols-[repeat(auto-fill,minmax(200px,1fr))] gap-3">
          <div>
            <dt className={ui.hint}>Available{overview.source === "stripe" ? " on Stripe" : ""}</dt>
            <dd className="text-lg font-semibold tabular-nums">{list(overview.available)}</dd>
          </div>
          <div>
            <dt className={ui.hint}>Pending{overview.source === "stripe" ? " on Stripe" : ""}</dt>
            <dd className="text-lg font-semibold tabular-nums">{list(overview.pending)}</dd>
          </div>
        </dl>
      )}
      <h3>What Stagedoor recorded</h3>
      {overview.recorded.length === 0 ? (
        <p className={ui.hint}>No sales recorded yet.</p>
      ) : (
        <TableFrame label="Recorded net to organizer">
          <table className={ui.table}>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="text-right">
                  Gross sales
                </th>
                <th scope="col" className="text-right">
                  Platform fees
                </th>
                <th scope="col" className="text-right">
                  Refunds
                </th>
                <th scope="col" className="text-right">
                  Fees given back
                </th>
                <th scope="col" className="text-right">
                  Net to organizer
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.recorded.map((m) => (
                <tr key={m.currency}>
                  <th scope="row" className="font-normal">
                    {m.currency.toUpperCase()}
                  </th>
                  <td className="text-right tabular-nums">{formatMoney(m.grossMinor, m.currency)}</td>
                  <td className="text-right tabular-nums">−{formatMoney(m.platformFeesMinor, m.currency)}</td>
                  <td className="text-right tabular-nums">−{formatMoney(m.refundsMinor, m.currency)}</td>
                  <td className="text-right tabular-nums">
                    +{formatMoney(m.platformRefundsMinor, m.currency)}
                  </td>
                  <td className="text-right font-semibold tabular-nums">
                    {formatMoney(m.netMinor, m.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <p className={ui.hint}>
        Net to organizer is before Stripe&rsquo;s processing fees; your Stripe balance is also lowered by
        payouts already made, and (for direct charges) by Stripe&rsquo;s fees.
      </p>
      {overview.source === "stripe" ? (
        <>
          <h3>Recent payouts</h3>
          {overview.payouts.length === 0 ? (
            <EmptyState title="No payouts yet">
              Stripe pays your available balance out on its schedule.
            </EmptyState>
          ) : (
            <TableFrame label="Recent payouts">
              <table className={ui.table}>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Arrives</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="text-right">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.payouts.map((p) => (
                    <tr key={p.id}>
                      <td>{formatInZone(p.createdAt, timeZone)}</td>
                      <td>{formatInZone(p.arrivalDate, timeZone)}</td>
                      <td>
                        <span
                          className={badgeClass(
                            p.status === "paid" ? "ok" : p.status === "failed" ? "bad" : "neutral",
                          )}
                        >
                          {p.status.replace(/_/g, " ")}
                        </span>
                      </td>
                      <td className="text-right tabular-nums">{formatMoney(p.amountMinor, p.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )}
        </>
      ) : null}
    </section>
  );
}
