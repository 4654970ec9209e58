// One of the organizer's orders with its lines, tickets and refunds (tenant in the query: 404 otherwise).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ticketShortCode } from "@/lib/orders/order-summary";
import { orderLinesSelect, orderTotalsSelect } from "@/lib/orders/order-select";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";

export async function getOrganizerOrder(organizerId: string, orderId: string): Promise<OrganizerOrderDetail> {
  const order = await db.order.findFirst({
    where: { id: orderId, organizerId },
    select: {
      id: true,
      buyerName: true,
      buyerEmail: true,
      currency: true,
      status: true,
      channel: true,
      disputed: true,
      ...orderTotalsSelect,
      refundedMinor: true,
      chargeType: true,
      createdAt: true,
      paidAt: true,
      event: { select: { id: true, title: true, timezone: true, allowRefundsUntil: true } },
      items: orderLinesSelect,
      tickets: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true, disputed: true, orderItem: { select: { tierName: true } } },
      },
      refunds: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          amountMinor: true,
          status: true,
          reason: true,
          internalNote: true,
          failureReason: true,
          ticketIds: true,
          adminOverride: true,
          stripeRefundId: true,
          applicationFeeMinor: true,
          settlementError: true,
          createdAt: true,
        },
      },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
  const pending = order.refunds.filter((r) => r.status === "pending");
  const reserved = new Set(pending.flatMap((r) => r.ticketIds));
  const refundable =
    order.status === "paid" || order.status === "partially_refunded"
      ? Math.max(0, order.totalMinor - order.refundedMinor - pending.reduce((s, r) => s + r.amountMinor, 0))
      : 0;
  return {
    id: order.id,
    buyerName: order.buyerName,
    buyerEmail: order.buyerEmail,
    event: { id: order.event.id, title: order.event.title, timezone: order.event.timezone },
    currency: order.currency,
    totalMinor: order.totalMinor,
    refundedMinor: order.refundedMinor,
    status: order.status,
    channel: order.channel,
    disputed: order.disputed,
    createdAt: order.createdAt.toISOString(),
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    feeMinor: order.feeMinor,
    taxMinor: order.taxMinor,
    chargeType: order.chargeType,
    paidAt: order.paidAt?.toISOString() ?? null,
    refundableMinor: refundable,
    allowRefundsUntil: order.event.allowRefundsUntil?.toISOString() ?? null,
    lines: order.items.map((item) => ({
      id: item.id,
      tierName: item.tierName,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      discountMinor: item.discountMinor,
      feeMinor: item.feeMinor,
      taxMinor: item.taxMinor,
      totalMinor: item.totalMinor,
      taxLines: parseStoredTaxLines(item.taxLines).map((t) => ({ name: t.name, amountMinor: t.amountMinor })),
    })),
    tickets: order.tickets.map((t) => ({
      id: t.id,
      shortCode: ticketShortCode(t.id),
      tierName: t.orderItem.tierName,
      status: t.status,
      disputed: t.disputed,
      refundPending: reserved.has(t.id),
    })),
    refunds: order.refunds.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
