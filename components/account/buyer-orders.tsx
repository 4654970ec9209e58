import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { badgeClass, buttonClass, cx, ui, type Tone } from "@/components/ui/styles";
import { formatMoney } from "@/lib/money/format-money";
import type { BuyerOrders, BuyerOrderView, BuyerTicketView } from "@/lib/orders/list-buyer-orders";

const ORDER_BADGES: Record<BuyerOrderView["status"], { label: string; tone: Tone } | null> = {
  paid: null,
  partially_refunded: { label: "Partly refunded", tone: "warn" },
  refunded: { label: "Refunded", tone: "bad" },
};

const TICKET_STATUS: Record<BuyerTicketView["status"], string> = {
  valid: "",
  refunded: " (refunded)",
  void: " (void)",
  transferred: " (transferred)",
};

/** "2 × General Admission, 1 × VIP Balcony (refunded)": the tickets of one order, by tier and status. */
function ticketSummary(tickets: BuyerTicketView[]): string {
  const counts = new Map<string, number>();
  for (const ticket of tickets) {
    const key = `${ticket.tierName}${TICKET_STATUS[ticket.status]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => `${count} × ${name}`).join(", ");
}

function OrderCard({ order }: { order: BuyerOrderView }) {
  const badge = ORDER_BADGES[order.status];
  return (
    <li className={cx(ui.card, ui.stack)}>
      <div className={ui.row}>
        <h3 className="text-lg font-semibold">{order.event.title}</h3>
        {order.event.cancelled ? <span className={badgeClass("bad")}>Event cancelled</span> : null}
        {badge ? <span className={badgeClass(badge.tone)}>{badge.label}</span> : null}
      </div>
      <div>
        <p>
          <time dateTime={order.event.startsAt}>{order.event.startsAtLocal}</time>
        </p>
        <p className={ui.hint}>
          {order.event.venueName}, {order.event.city} · {order.organizerName}
        </p>
      </div>
      <p className={ui.small}>
        {order.tickets.length > 0 ? ticketSummary(order.tickets) : "Tickets being prepared"} ·{" "}
        {formatMoney(order.totalMinor, order.currency)} · Order {order.reference}
      </p>
      {order.passesPath ? (
        <div>
          <Link
            className={buttonClass({ variant: "secondary", size: "sm" })}
            href={order.passesPath}
            prefetch={false}
            aria-label={`View tickets for ${order.event.title}, order ${order.reference}`}
          >
            View tickets
          </Link>
        </div>
      ) : (
        <p className={ui.hint}>
          Open it with the link in your confirmation email, or{" "}
          <Link href="/tickets/find">have your ticket links emailed to you</Link>.
        </p>
      )}
    </li>
  );
}

function OrderList({ orders, label }: { orders: BuyerOrderView[]; label: string }) {
  return (
    <ul className={ui.stack} aria-label={label}>
      {orders.map((order) => (
        <OrderCard key={order.id} order={order} />
      ))}
    </ul>
  );
}

/** The signed-in buyer's orders: upcoming events first, past ones below. */
export function BuyerOrdersSection({ orders }: { orders: BuyerOrders }) {
  const none = orders.upcoming.length === 0 && orders.past.length === 0;
  return (
    <section className={ui.stack} aria-labelledby="buyer-orders-heading">
      <h2 id="buyer-orders-heading">Your tickets</h2>
      {none ? (
        <EmptyState title="No tickets yet">
          Tickets bought with this email address appear here. Bought them with another address?{" "}
          <Link href="/tickets/find">Find my tickets</Link>.
        </EmptyState>
      ) : (
        <>
          {orders.upcoming.length > 0 ? (
            <OrderList orders={orders.upcoming} label="Upcoming events" />
          ) : (
            <p className={ui.muted}>No upcoming events.</p>
          )}
          {orders.past.length > 0 ? (
            <>
              <h3 className="font-semibold">Past events</h3>
              <OrderList orders={orders.past} label="Past events" />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
