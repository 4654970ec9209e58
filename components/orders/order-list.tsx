import Link from "next/link";
import { formatMoney } from "@/lib/money/format-money";
import { orderReference } from "@/lib/orders/order-summary";
import type { OrganizerOrderRow } from "@/lib/refunds/organizer-order-view";

export const ORDER_STATUS_LABELS: Record<OrganizerOrderRow["status"], string> = {
  pending: "Pending",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};

/** The organizer's orders with an event filter (a plain GET form: works without JavaScript). */
export function OrderList({
  orders,
  events,
  eventId,
}: {
  orders: OrganizerOrderRow[];
  events: { id: string; title: string }[];
  eventId: string | undefined;
}) {
  return (
    <div className="stack">
      <form method="get" className="row" aria-label="Filter orders">
        <label htmlFor="order-event-filter">Event</label>
        <select id="order-event-filter" name="eventId" defaultValue={eventId ?? ""}>
          <option value="">All events</option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <button type="submit" className="btn">
          Filter
        </button>
      </form>
      {orders.length === 0 ? (
        <p className="card muted">No orders yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Order</th>
              <th>Buyer</th>
              <th>Event</th>
              <th>Total</th>
              <th>Status</th>
              <th>Refunded</th>
              <th>Date</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link href={`/tickets/organizer/orders/${order.id}`}>{orderReference(order.id)}</Link>
                </td>
                <td>
                  {order.buyerName}
                  <div className="small muted">{order.buyerEmail}</div>
                </td>
                <td>{order.event.title}</td>
                <td>{formatMoney(order.totalMinor, order.currency)}</td>
                <td>
                  {ORDER_STATUS_LABELS[order.status]}
                  {order.disputed ? <div className="small">Disputed</div> : null}
                </td>
                <td>{order.refundedMinor > 0 ? formatMoney(order.refundedMinor, order.currency) : "—"}</td>
                <td className="small">{new Date(order.createdAt).toLocaleString("en-CA")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
