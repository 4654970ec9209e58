// One ticket as the passes pages show it (the order's list, and a transfer recipient's one ticket): one
// select, one mapping. Never a code: those are served as QR images only.
import "server-only";
import type { Prisma } from "@/lib/db";
import { ticketShortCode, type OrderSummaryTicket } from "@/lib/orders/order-summary";

export const orderSummaryTicketSelect = {
  id: true,
  holderName: true,
  status: true,
  disputed: true,
  orderItem: { select: { tierName: true } },
  transferredTo: { select: { recipientName: true } },
} as const satisfies Prisma.TicketSelect;

export function toOrderSummaryTicket(
  ticket: Prisma.TicketGetPayload<{ select: typeof orderSummaryTicketSelect }>,
): OrderSummaryTicket {
  return {
    id: ticket.id,
    shortCode: ticketShortCode(ticket.id),
    tierName: ticket.orderItem.tierName,
    holderName: ticket.holderName,
    status: ticket.status,
    disputed: ticket.disputed,
    transferredTo: ticket.transferredTo?.recipientName ?? null,
  };
}
