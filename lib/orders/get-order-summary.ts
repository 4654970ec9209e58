import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";
import type { OrderSummary } from "@/lib/orders/order-summary";
import { orderLinesSelect, orderTotalsSelect, toOrderLine, toOrderTotals } from "@/lib/orders/order-select";
import { orderSummaryEventSelect, toOrderSummaryEvent } from "@/lib/orders/to-order-summary-event";
import { orderSummaryTicketSelect, toOrderSummaryTicket } from "@/lib/orders/to-order-summary-ticket";
import { heldByOrder } from "@/lib/tickets/held-by-order";

/**
 * The order summary for a caller whose access was checked (resolveOrderAccess). Selects no ticket secret,
 * whoever asks: codes are only ever served as QR images. The buyer's link lists the tickets the order holds
 * (a ticket sent on shows as transferred, with the recipient's name; the recipient's new ticket is theirs
 * alone); the organizer's team sees every ticket.
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
      event: { select: orderSummaryEventSelect },
      items: orderLinesSelect,
      tickets: {
        where: access.via === "organizer" ? {} : heldByOrder,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { ...orderSummaryTicketSelect, orderItemId: true },
      },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
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
    event: toOrderSummaryEvent(order.event),
    lines: order.items.map(toOrderLine),
    taxLines: parseStoredTaxLines(order.taxLines),
    totals: { ...toOrderTotals(order), refundedMinor: order.refundedMinor },
    tickets: tickets.map(toOrderSummaryTicket),
  };
}
