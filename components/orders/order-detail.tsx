"use client";

import { useQuery } from "@tanstack/react-query";
import { CompBadge } from "@/components/orders/comp-badge";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { ResendTicketsButton } from "@/components/passes/resend-tickets-button";
import { orderQueryKey, RefundForm } from "@/components/orders/refund-form";
import { RotateLinkButton } from "@/components/orders/rotate-link-button";
import { Alert } from "@/components/ui/alert";
import { apiFetch } from "@/components/ui/api-client";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { badgeClass, cx, ui, type Tone } from "@/components/ui/styles";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { hasPendingRefund, type OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";

const TICKET_STATUS: Record<OrganizerOrderDetail["tickets"][number]["status"], { text: string; tone: Tone }> =
  {
    valid: { text: "Valid", tone: "ok" },
    refunded: { text: "Refunded", tone: "neutral" },
    void: { text: "Void", tone: "bad" },
    transferred: { text: "Transferred", tone: "neutral" },
  };
const REFUND_STATUS: Record<OrganizerOrderDetail["refunds"][number]["status"], { text: string; tone: Tone }> =
  {
    pending: { text: "Pending", tone: "accent" },
    succeeded: { text: "Succeeded", tone: "ok" },
    failed: { text: "Failed", tone: "bad" },
  };
/** Tables scroll sideways inside their card on phones instead of widening the page. */
/**
 * The order's lines, tickets and refunds; polls every 2 s while a refund waits for Stripe. `admin`: a
 * platform admin's view (admin API; refunds need an override note; no link rotation).
 */
export function OrderDetail({
  initialOrder,
  admin = false,
}: {
  initialOrder: OrganizerOrderDetail;
  admin?: boolean;
}) {
  const query = useQuery({
    queryKey: orderQueryKey(initialOrder.id),
    queryFn: () =>
      apiFetch<OrganizerOrderDetail>(
        admin
          ? `/api/tickets/admin/orders/${encodeURIComponent(initialOrder.id)}`
          : `/api/tickets/orders/${encodeURIComponent(initialOrder.id)}/refund`,
      ),
    initialData: initialOrder,
    refetchInterval: (q) => (q.state.data && hasPendingRefund(q.state.data) ? 2000 : false),
  });
  const order = query.data;
  const money = (minor: number) => formatMoney(minor, order.currency);
  // The event's zone, passed explicitly: the server's render and the browser's hydration agree.
  const time = (iso: string) => formatInZone(iso, order.event.timezone);
  return (
    <div className={ui.stack}>
      <p className={ui.row}>
        <span>
          <strong>{order.buyerName}</strong> · {order.buyerEmail} · {order.event.title}
        </span>
        <OrderStatusBadge status={order.status} testId="order-status" />
        <CompBadge channel={order.channel} />
        {order.disputed ? <span className={badgeClass("bad")}>Disputed</span> : null}
      </p>
      <p className={ui.hint}>
        Placed <time dateTime={order.createdAt}>{time(order.createdAt)}</time>
        {order.paidAt ? (
          <>
            {" "}
            · paid <time dateTime={order.paidAt}>{time(order.paidAt)}</time>
          </>
        ) : null}
      </p>
      {hasPendingRefund(order) ? <Alert tone="info">Refund pending — waiting for Stripe</Alert> : null}

      <TableFrame label="Order lines">
        <table className={ui.table} aria-label="Order lines">
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
                    <div className={ui.hint}>
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
      </TableFrame>

      <h2>Tickets</h2>
      <TableFrame label="Tickets">
        <table className={ui.table} aria-label="Tickets">
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
                <td className="font-mono">{t.shortCode}</td>
                <td>{t.tierName}</td>
                <td>
                  <span className={badgeClass(TICKET_STATUS[t.status].tone)}>
                    {TICKET_STATUS[t.status].text}
                  </span>
                  {t.refundPending ? " (refund pending)" : ""}
                  {t.disputed ? " · Disputed" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>

      {!admin && (order.status === "paid" || order.status === "partially_refunded") ? (
        <section className={ui.stack}>
          <h2>Buyer&rsquo;s link</h2>
          <p className={ui.hint}>
            If the link to the passes was forwarded or leaked, replace it: the old link stops working and the
            buyer gets the new one by email.
          </p>
          <RotateLinkButton
            path={`/api/tickets/orders/${encodeURIComponent(order.id)}/access-link`}
            label="Send the buyer a new link"
            confirmText="The buyer's current link will stop working."
            doneText={`A new link was emailed to ${order.buyerEmail}; the old one no longer opens the order.`}
          />
          <ResendTicketsButton
            orderId={order.id}
            label="Resend tickets"
            doneText={`The tickets were emailed again to ${order.buyerEmail}.`}
          />
        </section>
      ) : null}

      <h2>Refunds</h2>
      {order.refunds.length === 0 ? (
        <EmptyState title="No refunds." />
      ) : (
        <TableFrame label="Refunds">
          <table className={ui.table} aria-label="Refunds">
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
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
                  </td>
                  <td>
                    {money(r.amountMinor)}
                    {r.applicationFeeMinor !== null ? (
                      <div className={ui.hint}>
                        {money(r.amountMinor - r.applicationFeeMinor)} from you,{" "}
                        {money(r.applicationFeeMinor)} platform fee
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <span className={badgeClass(REFUND_STATUS[r.status].tone)}>
                      {REFUND_STATUS[r.status].text}
                    </span>
                    {r.failureReason ? <div className={ui.error}>{r.failureReason}</div> : null}
                    {r.settlementError ? (
                      <div className={ui.error}>
                        The buyer has the money; moving it between you and the platform failed:{" "}
                        {r.settlementError}
                      </div>
                    ) : null}
                  </td>
                  <td>{r.reason ?? "—"}</td>
                  <td>
                    {r.internalNote ?? "—"}
                    {r.adminOverride ? (
                      <div className={ui.hint}>Admin override: {r.adminOverride}</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {order.channel === "comp" ? (
        <Alert tone="info">
          Comp order: nothing was paid, so there is nothing to refund. Its tickets cannot be voided here.
        </Alert>
      ) : (
        <RefundForm order={order} admin={admin} />
      )}
    </div>
  );
}
