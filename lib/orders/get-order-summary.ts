import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatEventTime } from "@/lib/events/format-event-time";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";
import { ticketShortCode, type OrderSummary } from "@/lib/orders/order-summary";
import { orderLinesSelect, orderTotalsSelect, toOrderLine, toOrderTotals } from "@/lib/orders/order-select";
import { eventDisplaySelect } from "@/lib/events/event-display";

/**
 * The order summary for a caller whose access was checked (resolveOrderAccess). Selects no ticket secret,
 * whoever asks: codes are only ever served as QR images.
 */
export async function getOrderSummary(access: OrderAccess, options: { db?: Db } = {}): Promise<OrderSummary> {
  const client = options.db ?? defaultDb;
  const order = await client.order.findFirst({
    where: { id: access.orderId, organizerId: access.organizerId },
    select: {
      id: true,
      status: true,
      channel: true,
      currency: true,
      buyerName: true,
      createdAt: true,
      paidAt: true,
      expiresAt: true,
      ...orderTotalsSelect,
      refundedMinor: true,
      taxLines: true,
      event: {
        select: {
          id: true,
          ...eventDisplaySelect,
          coverImageUrl: true,
          organizer: { select: { name: true } },
        },
      },
      items: orderLinesSelect,
      tickets: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          holderName: true,
          status: true,
          disputed: true,
          orderItemId: true,
          orderItem: { select: { tierName: true } },
        },
      },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
  const { event } = order;
  // Tickets in the order of their lines, so a two-tier order lists each tier's passes together.
  const lineIndex = new Map(order.items.map((item, index) => [item.id, index]));
  const tickets = [...order.tickets].sort(
    (a, b) => (lineIndex.get(a.orderItemId) ?? 0) - (lineIndex.get(b.orderItemId) ?? 0),
  );
  return {
    id: order.id,
    status: order.status,
    channel: order.channel,
    currency: order.currency,
    buyerName: order.buyerName,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt?.toISOString() ?? null,
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      organizerName: event.organizer.name,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      city: event.city,
      region: event.region,
      country: event.country,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      startsAtLocal: formatEventTime(event.startsAt, event.timezone),
      endsAtLocal: formatEventTime(event.endsAt, event.timezone),
      coverImageUrl: event.coverImageUrl,
    },
    lines: order.items.map(toOrderLine),
    taxLines: parseStoredTaxLines(order.taxLines),
    totals: { ...toOrderTotals(order), refundedMinor: order.refundedMinor },
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      shortCode: ticketShortCode(ticket.id),
      tierName: ticket.orderItem.tierName,
      holderName: ticket.holderName,
      status: ticket.status,
      disputed: ticket.disputed,
    })),
  };
}
