// A transfer recipient's page: the one ticket their link opens (never the sender's order: no other tickets,
// no prices, no buyer), the event, and whether they may still send it on or rename it.
import "server-only";
import { db } from "@/lib/db";
import { hashOrderAccessToken } from "@/lib/orders/order-access-token";
import { ticketShortCode, type OrderSummaryEvent, type OrderSummaryTicket } from "@/lib/orders/order-summary";
import { orderSummaryEventSelect, toOrderSummaryEvent } from "@/lib/orders/to-order-summary-event";
import { ticketChangeRefusal } from "@/lib/tickets/ticket-change-refusal";

export interface TransferredPass {
  transferId: string;
  orderId: string;
  ticket: OrderSummaryTicket;
  event: OrderSummaryEvent;
  /** Why the ticket can no longer be sent on, or null when it can. */
  transferRefusal: string | null;
  /** Why its holder name can no longer change, or null when it can. */
  renameRefusal: string | null;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** null when the token is not this transfer's link (the page shows "not found" either way). */
export async function getTransferredPass(
  transferId: string,
  token: string | null | undefined,
  now = new Date(),
): Promise<TransferredPass | null> {
  if (!token || !TOKEN_PATTERN.test(token) || transferId.length === 0 || transferId.length > 64) return null;
  const transfer = await db.ticketTransfer.findUnique({
    where: { accessTokenHash: hashOrderAccessToken(token) },
    select: {
      id: true,
      orderId: true,
      organizerId: true,
      toTicket: {
        select: {
          id: true,
          holderName: true,
          status: true,
          disputed: true,
          orderItem: { select: { tierName: true } },
          transferredTo: { select: { recipientName: true } },
          event: { select: { ...orderSummaryEventSelect, status: true, transfersEnabled: true } },
          _count: { select: { checkins: { where: { result: "admitted" } } } },
        },
      },
    },
  });
  if (!transfer || transfer.id !== transferId) return null;
  const ticket = transfer.toTicket;
  const state = {
    status: ticket.status,
    disputed: ticket.disputed,
    checkedIn: ticket._count.checkins > 0,
    eventStatus: ticket.event.status,
    eventStartsAt: ticket.event.startsAt,
    transfersEnabled: ticket.event.transfersEnabled,
  };
  return {
    transferId: transfer.id,
    orderId: transfer.orderId,
    ticket: {
      id: ticket.id,
      shortCode: ticketShortCode(ticket.id),
      tierName: ticket.orderItem.tierName,
      holderName: ticket.holderName,
      status: ticket.status,
      disputed: ticket.disputed,
      transferredTo: ticket.transferredTo?.recipientName ?? null,
    },
    event: toOrderSummaryEvent(ticket.event),
    transferRefusal: ticketChangeRefusal("transfer", state, now),
    renameRefusal: ticketChangeRefusal("rename", state, now),
  };
}
