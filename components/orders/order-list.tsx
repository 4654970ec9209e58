import Link from "next/link";
import { orderListHref, type OrderListFormValues } from "@/components/orders/order-list-url";
import { ORDER_STATUS_LABELS } from "@/components/orders/order-status-labels";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { orderReference } from "@/lib/orders/order-summary";
import type { OrderFilterOptions } from "@/lib/refunds/list-order-filter-options";
import type { OrganizerOrderPage } from "@/lib/refunds/list-organizer-orders";
import { isOrderStatusJson } from "@/lib/refunds/order-list-query";

/** One page of orders with "Previous" / "Next" links that keep the search and filters. */
export function OrderList({
  page,
  values,
  options,
  paged,
}: {
  page: OrganizerOrderPage;
  values: OrderListFormValues;
  options: OrderFilterOptions;
  /** Past the first page (the URL has a cursor). */
  paged: boolean;
}) {
  if (page.orders.length === 0 && paged) {
    return (
      <div className="card stack" role="status">
        <p style={{ margin: 0 }}>
          <strong>No more orders here.</strong>{" "}
          <Link href={orderListHref(values)}>Back to the first page</Link>
        </p>
      </div>
    );
  }
  if (page.orders.length === 0) return <EmptyOrders values={values} options={options} />;
  return (
    <div className="stack">
      <table className="data" aria-label="Orders">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Buyer</th>
            <th scope="col">Event</th>
            <th scope="col">Total</th>
            <th scope="col">Status</th>
            <th scope="col">Refunded</th>
            <th scope="col">Placed</th>
          </tr>
        </thead>
        <tbody>
          {page.orders.map((order) => (
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
              <td className="small">
                <time dateTime={order.createdAt}>{formatInZone(order.createdAt, order.event.timezone)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.prevCursor || page.nextCursor ? (
        <nav className="row" aria-label="Order pages">
          {page.prevCursor ? (
            <Link href={orderListHref(values, page.prevCursor)} rel="prev">
              ← Previous page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={orderListHref(values, page.nextCursor)} rel="next">
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/** What was asked for, in words: `search "ana", status Refunded, event Night Owls`. */
function describeFilters(values: OrderListFormValues, options: OrderFilterOptions): string[] {
  const statuses = values.status
    ?.split(",")
    .map((s) => s.trim())
    .map((s) => (isOrderStatusJson(s) ? ORDER_STATUS_LABELS[s] : s));
  const event = options.events.find((e) => e.id === values.eventId);
  const tier = options.events.flatMap((e) => e.tiers).find((t) => t.id === values.tierId);
  return [
    values.q ? `search “${values.q}”` : null,
    statuses ? `status ${statuses.join(" or ")}` : null,
    values.eventId ? `event ${event?.title ?? "(not one of yours)"}` : null,
    values.tierId ? `ticket type ${tier?.name ?? "(not one of yours)"}` : null,
    values.from ? `placed from ${values.from}` : null,
    values.to ? `placed to ${values.to}` : null,
  ].filter((part): part is string => part !== null);
}

function EmptyOrders({ values, options }: { values: OrderListFormValues; options: OrderFilterOptions }) {
  const filters = describeFilters(values, options);
  if (filters.length === 0) {
    return (
      <div className="card stack" role="status">
        <p style={{ margin: 0 }}>
          <strong>No orders yet.</strong>
        </p>
        <p className="small muted" style={{ margin: 0 }}>
          Orders appear here as soon as a buyer pays. Checkouts that were started but not finished are under
          the status “Unfinished checkouts”.
        </p>
      </div>
    );
  }
  return (
    <div className="card stack" role="status">
      <p style={{ margin: 0 }}>
        <strong>No orders match {filters.join(", ")}.</strong>
      </p>
      <p className="small muted" style={{ margin: 0 }}>
        A reference matches from its first character (7K3M finds 7K3M9QXZ); names and emails match any part.
      </p>
      <p style={{ margin: 0 }}>
        <Link href="/tickets/organizer/orders">Clear filters and show all orders</Link>
      </p>
    </div>
  );
}
