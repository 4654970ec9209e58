import { CompBadge } from "@/components/orders/comp-badge";
import { passStyles as styles } from "@/components/passes/pass-styles";
import { formatMoney } from "@/lib/money/format-money";
import { orderReference, taxLineLabel, type OrderSummary } from "@/lib/orders/order-summary";
import { cx, ui } from "@/components/ui/styles";

/** What was paid: each line, discount, service fee, each tax by name and the total. */
export function OrderSummaryCard({ summary }: { summary: OrderSummary }) {
  const money = (minor: number) => formatMoney(minor, summary.currency);
  const { totals } = summary;
  return (
    <section className={cx(ui.card, ui.stack)} aria-labelledby="order-summary-heading">
      <h2 id="order-summary-heading">Order summary</h2>
      {summary.channel === "comp" ? (
        <p className={ui.hint} data-testid="comp-notice">
          <CompBadge channel={summary.channel} /> Complimentary tickets: nothing was charged.
        </p>
      ) : null}
      <table className={ui.table}>
        <tbody>
          {summary.lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.quantity} × {line.tierName}
                <div className={ui.hint}>{money(line.unitPriceMinor)} each</div>
              </td>
              <td className={styles.num}>{money(line.unitPriceMinor * line.quantity)}</td>
            </tr>
          ))}
          {totals.discountMinor > 0 ? (
            <tr>
              <td>Discount</td>
              <td className={styles.num}>−{money(totals.discountMinor)}</td>
            </tr>
          ) : null}
          {totals.feeMinor > 0 ? (
            <tr>
              <td>Service fee</td>
              <td className={styles.num}>{money(totals.feeMinor)}</td>
            </tr>
          ) : null}
          {summary.taxLines.map((tax) => (
            <tr key={tax.name}>
              <td>{taxLineLabel(tax)}</td>
              <td className={styles.num}>{money(tax.amountMinor)}</td>
            </tr>
          ))}
          <tr className={styles.total}>
            <th scope="row">Total</th>
            <td className={styles.num}>
              <strong>{money(totals.totalMinor)}</strong>
            </td>
          </tr>
          {totals.refundedMinor > 0 ? (
            <tr>
              <td>Refunded</td>
              <td className={styles.num}>−{money(totals.refundedMinor)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className={ui.hint}>
        Order <span data-testid="order-reference">{orderReference(summary.id)}</span> · {summary.buyerName}
      </p>
    </section>
  );
}
