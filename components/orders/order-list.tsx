import Link from "next/link";
import { orderListHref, type OrderListFormValues } from "@/components/orders/order-list-url";
import { CompBadge } from "@/components/orders/comp-badge";
import { ORDER_STATUS_LABELS, OrderStatusBadge } from "@/components/orders/order-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { buttonClass, cx, ui } from "@/components/ui/styles";
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
      <EmptyState
        title="No more orders here."
        action={
          <Link className={buttonClass({ variant: "secondary", size: "sm" })} href={orderListHref(values)}>
            Back to the first page
          </Link>
        }
      />
    );
  }
  if (page.orders.length === 0) return <EmptyOrders values={values} options={options} />;
  return (
    <div className={ui.stack}>
      <TableFrame label="Orders">
        <table className={ui.table} aria-label="Orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Buyer</th>
              <th scope="col">Event</th>
              <th scope="col" className="text-right">
                Total
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Refunded
              </th>
              <th scope="col">Placed</th>
            </tr>
          </thead>
          <tbody>
            {page.orders.map((order) => (
              <tr key={order.id}>
                <td className="font-mono">
                  <Link href={`/tickets/organizer/orders/${order.id}`}>{orderReference(order.id)}</Link>
                </td>
                <td>
                  {order.buyerName}
                  <div className={ui.hint}>{order.buyerEmail}</div>
                </td>
                <td>{order.event.title}</td>
                <td className="text-right tabular-nums">{formatMoney(order.totalMinor, order.currency)}</td>
                <td>
                  <OrderStatusBadge status={order.status} /> <CompBadge channel={order.channel} />
                  {order.disputed ? <div className={ui.error}>Disputed</div> : null}
                </td>
                <td className="text-right tabular-nums">
                  {order.refundedMinor > 0 ? formatMoney(order.refundedMinor, order.currency) : "—"}
                </td>
                <td className={cx(ui.small, "whitespace-nowrap")}>
                  <time dateTime={order.createdAt}>
                    {formatInZone(order.createdAt, order.event.timezone)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {page.prevCursor || page.nextCursor ? (
        <nav className={cx(ui.row, "justify-between")} aria-label="Order pages">
          {page.prevCursor ? (
            <Link
              className={buttonClass({ variant: "secondary", size: "sm" })}
              href={orderListHref(values, page.prevCursor)}
              rel="prev"
            >
              ← Previous page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link
              className={buttonClass({ variant: "secondary", size: "sm" })}
              href={orderListHref(values, page.nextCursor)}
              rel="next"
            >
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
      <EmptyState title="No orders yet.">
        Orders appear here as soon as a buyer pays. Checkouts that were started but not finished are under the
        status “Unfinished checkouts”.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={`No orders match ${filters.join(", ")}.`}
      action={
        <Link className={buttonClass({ variant: "secondary", size: "sm" })} href="/tickets/organizer/orders">
          Clear filters and show all orders
        </Link>
      }
    >
      A reference matches from its first character (7K3M finds 7K3M9QXZ); names and emails match any part.
    </EmptyState>
  );
}
