"use client";

import { useQuery } from "@tanstack/react-query";
import { ORDER_STATUS_LABELS } from "@/components/orders/order-status-labels";
import { orderQueryKey, RefundForm } from "@/components/orders/refund-form";
import { RotateLinkButton } from "@/components/orders/rotate-link-button";
import { apiFetch } from "@/components/ui/api-client";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { hasPendingRefund, type OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";

const TICKET_STATUS: Record<OrganizerOrderDetail["tickets"][number]["status"], string> = {
  valid: "Valid",
  refunded: "Refunded",
  void: "Void",
};
const REFUND_STATUS = { pending: "Pending", succeeded: "Succeeded", failed: "Failed" } as const;

/** The order's lines, tickets and refunds; polls every 2 s while a refund waits for Stripe. */
export function OrderDetail({ initialOrder }: { initialOrder: OrganizerOrderDetail }) {
  const query = useQuery({
    queryKey: orderQueryKey(initialOrder.id),
    queryFn: () =>
      apiFetch<OrganizerOrderDetail>(`/api/tickets/orders/${encodeURIComponent(initialOrder.id)}/refund`),
    initialData: initialOrder,
    refetchInterval: (q) => (q.state.data && hasPendingRefund(q.state.data) ? 2000 : false),
  });
  const order = query.data;
  const money = (minor: number) => formatMoney(minor, order.currency);
  // The event's zone, passed explicitly: the server's render and the browser's hydration agree.
  const time = (iso: string) => formatInZone(iso, order.event.timezone);
  return (
    <div className="stack">
      <p>
        <strong>{order.buyerName}</strong> · {order.buyerEmail} · {order.event.title} ·{" "}
        <span data-testid="order-status">{ORDER_STATUS_LABELS[order.status]}</span>
        {order.disputed ? " · Disputed" : null}
      </p>
      <p className="small muted">
        Placed <time dateTime={order.createdAt}>{time(order.createdAt)}</time>
        {order.paidAt ? (
          <>
            {" "}
            · paid <time dateTime={order.paidAt}>{time(order.paidAt)}</time>
          </>
        ) : null}
      </p>
      {hasPendingRefund(order) ? (
        <p className="card" role="status">
          Refund pending — waiting for Stripe
        </p>
      ) : null}

      <table className="data" aria-label="Order lines">
        <thead>
          <tr>
            <th>Tier</th>
            <th>Qty</th>
            <th>Price</th>
            <th>Discount</th>
            <th>Fee</th>
            <th>Tax</th>
            <th>Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.tierName}</td>
              <td>{line.quantity}</td>
              <td>{money(line.unitPriceMinor)}</td>
              <td>{line.discountMinor > 0 ? `−${money(line.discountMinor)}` : "—"}</td>
              <td>{money(line.feeMinor)}</td>
              <td>
                {money(line.taxMinor)}
                {line.taxLines.length > 0 ? (
                  <div className="small muted">
                    {line.taxLines.map((t) => `${t.name} ${money(t.amountMinor)}`).join(", ")}
                  </div>
                ) : null}
              </td>
              <td>{money(line.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>Total</td>
            <td>{money(order.totalMinor)}</td>
          </tr>
          <tr>
            <td colSpan={6}>Refunded</td>
            <td>{money(order.refundedMinor)}</td>
          </tr>
        </tfoot>
      </table>

      <h2>Tickets</h2>
      <table className="data" aria-label="Tickets">
        <thead>
          <tr>
            <th>Code</th>
            <th>Tier</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {order.tickets.map((t) => (
            <tr key={t.id}>
              <td>{t.shortCode}</td>
              <td>{t.tierName}</td>
              <td>
                {TICKET_STATUS[t.status]}
                {t.refundPending ? " (refund pending)" : ""}
                {t.disputed ? " · Disputed" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {order.status === "paid" || order.status === "partially_refunded" ? (
        <section className="stack">
          <h2>Buyer&rsquo;s link</h2>
          <p className="small muted">
            If the link to the passes was forwarded or leaked, replace it: the old link stops working and the
            buyer gets the new one by email.
          </p>
          <RotateLinkButton
            path={`/api/tickets/orders/${encodeURIComponent(order.id)}/access-link`}
            label="Send the buyer a new link"
            confirmText="The buyer's current link will stop working."
            doneText={`A new link was emailed to ${order.buyerEmail}; the old one no longer opens the order.`}
          />
        </section>
      ) : null}

      <h2>Refunds</h2>
      {order.refunds.length === 0 ? (
        <p className="muted">No refunds.</p>
      ) : (
        <table className="data" aria-label="Refunds">
          <thead>
            <tr>
              <th>Date</th>
              <th>Amount</th>
              <th>Status</th>
              <th>Message to buyer</th>
              <th>Internal note</th>
            </tr>
          </thead>
          <tbody>
            {order.refunds.map((r) => (
              <tr key={r.id}>
                <td className="small">
                  <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
                </td>
                <td>
                  {money(r.amountMinor)}
                  {r.applicationFeeMinor !== null ? (
                    <div className="small muted">
                      {money(r.amountMinor - r.applicationFeeMinor)} from you, {money(r.applicationFeeMinor)}{" "}
                      platform fee
                    </div>
                  ) : null}
                </td>
                <td>
                  {REFUND_STATUS[r.status]}
                  {r.failureReason ? <div className="small error">{r.failureReason}</div> : null}
                  {r.settlementError ? (
                    <div className="small error">
                      The buyer has the money; moving it between you and the platform failed:{" "}
                      {r.settlementError}
                    </div>
                  ) : null}
                </td>
                <td>{r.reason ?? "—"}</td>
                <td>
                  {r.internalNote ?? "—"}
                  {r.adminOverride ? (
                    <div className="small muted">Admin override: {r.adminOverride}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RefundForm order={order} />
    </div>
  );
}
