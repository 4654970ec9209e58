import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CapacityOverrideForm } from "@/components/admin/capacity-override-form";
import { CompForm } from "@/components/admin/comp-form";
import { CompBadge } from "@/components/orders/comp-badge";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { badgeClass, cx, ui } from "@/components/ui/styles";
import { ADMIN_EVENT_ORDERS, getAdminEvent } from "@/lib/admin/get-admin-event";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { orderReference } from "@/lib/orders/order-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Event (admin)" };

export default async function AdminEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const event = await getAdminEvent(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const money = (minor: number) => formatMoney(minor, event.currency);
  const time = (iso: string) => formatInZone(iso, event.timezone);
  return (
    <main className={ui.page}>
      <h1>{event.title}</h1>
      <p className={ui.row}>
        <span className={badgeClass("neutral")}>{event.status}</span>
        <span>
          {time(event.startsAt)} ({event.timezone})
        </span>
        {event.status === "published" || event.status === "cancelled" ? (
          <Link href={`/tickets/e/${event.slug}`}>Public page</Link>
        ) : null}
      </p>
      <p className={ui.hint}>
        Organizer: <strong>{event.organizer.name}</strong> ({event.organizer.slug}) · {event.organizer.status}
        {event.organizer.selfTest ? " · the platform's hidden self-test organizer" : ""}
        {event.capacity !== null ? ` · event cap ${event.capacity}` : ""}
        {event.allowRefundsUntil ? ` · refunds until ${time(event.allowRefundsUntil)}` : ""}
      </p>

      <h2>Tiers</h2>
      {event.tiers.length === 0 ? (
        <EmptyState title="No tiers." />
      ) : (
        <TableFrame label="Tiers">
          <table className={ui.table} aria-label="Tiers">
            <thead>
              <tr>
                <th>Tier</th>
                <th className="text-right">Price</th>
                <th className="text-right">Capacity</th>
                <th className="text-right">Sold</th>
                <th className="text-right">Held</th>
                <th className="text-right">Remaining</th>
                <th>Override capacity</th>
              </tr>
            </thead>
            <tbody>
              {event.tiers.map((tier) => (
                <tr key={tier.id} data-testid={`tier-${tier.id}`}>
                  <td>
                    {tier.name}
                    {tier.visibility === "hidden" ? <div className={ui.hint}>hidden</div> : null}
                  </td>
                  <td className="text-right tabular-nums">{money(tier.priceMinor)}</td>
                  <td className="text-right tabular-nums">{tier.capacity}</td>
                  <td className="text-right tabular-nums">{tier.sold}</td>
                  <td className="text-right tabular-nums">{tier.held}</td>
                  <td className="text-right tabular-nums">{tier.remaining}</td>
                  <td>
                    <CapacityOverrideForm tierId={tier.id} tierName={tier.name} capacity={tier.capacity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}

      <CompForm
        eventId={event.id}
        tiers={event.tiers.map((t) => ({ id: t.id, name: t.name, remaining: t.remaining }))}
      />

      <h2>Orders</h2>
      <p className={ui.hint}>
        {event.orderCount} order{event.orderCount === 1 ? "" : "s"}
        {event.orderCount > ADMIN_EVENT_ORDERS ? `; the latest ${ADMIN_EVENT_ORDERS} below` : ""}. Open one to
        refund it past the deadline (with a note).
      </p>
      {event.orders.length === 0 ? (
        <EmptyState title="No orders yet." />
      ) : (
        <TableFrame label="Orders">
          <table className={ui.table} aria-label="Orders">
            <thead>
              <tr>
                <th>Order</th>
                <th>Buyer</th>
                <th className="text-right">Total</th>
                <th>Status</th>
                <th className="text-right">Refunded</th>
                <th>Placed</th>
              </tr>
            </thead>
            <tbody>
              {event.orders.map((order) => (
                <tr key={order.id}>
                  <td className="font-mono">
                    <Link href={`/tickets/admin/orders/${order.id}`}>{orderReference(order.id)}</Link>
                  </td>
                  <td>
                    {order.buyerName}
                    <div className={ui.hint}>{order.buyerEmail}</div>
                  </td>
                  <td className="text-right tabular-nums">{money(order.totalMinor)}</td>
                  <td>
                    <OrderStatusBadge status={order.status} /> <CompBadge channel={order.channel} />
                  </td>
                  <td className="text-right tabular-nums">
                    {order.refundedMinor > 0 ? money(order.refundedMinor) : "—"}
                  </td>
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    <time dateTime={order.createdAt}>{time(order.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </main>
  );
}
