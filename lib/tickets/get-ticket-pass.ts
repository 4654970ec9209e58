// One ticket's page (/tickets/order/:orderId/tickets/:ticketId?token=): for a transfer's recipient, the one
// ticket their link opens (never the sender's order: no other tickets, no prices, no buyer); the order's link
// opens the tickets the order holds the same way. With whether it may still be sent on or renamed.
import "server-only";
import { db } from "@/lib/db";
import type { OrderSummaryEvent, OrderSummaryTicket } from "@/lib/orders/order-summary";
import { orderSummaryEventSelect, toOrderSummaryEvent } from "@/lib/orders/to-order-summary-event";
import { orderSummaryTicketSelect, toOrderSummaryTicket } from "@/lib/orders/to-order-summary-ticket";
import { readTicketChangeState } from "@/lib/tickets/read-ticket-change-state";
import { resolveTicketAccess } from "@/lib/tickets/resolve-ticket-access";
import { ticketChangeRefusal } from "@/lib/tickets/ticket-change-refusal";

export interface TicketPass {
  orderId: string;
  /** How the link opened it: the order's, or a transfer's (the recipient's). */
  via: "token" | "transfer";
  ticket: OrderSummaryTicket;
  event: OrderSummaryEvent;
  /** Why the ticket can no longer be sent on, or null when it can. */
  transferRefusal: string | null;
  /** Why its holder name can no longer change, or null when it can. */
  renameRefusal: string | null;
}

/** null when `token` does not open the ticket (the page shows "not found" either way). */
export async function getTicketPass(
  orderId: string,
  ticketId: string,
  token: string | null | undefined,
  now = new Date(),
): Promise<TicketPass | null> {
  if (!token) return null;
  const access = await resolveTicketAccess({ orderId, ticketId, token });
  if (!access || access.via === "organizer") return null;
  const ticket = await db.ticket.findFirst({
    where: { id: access.ticketId, orderId: access.orderId, organizerId: access.organizerId },
    select: {
      ...orderSummaryTicketSelect,
      event: { select: { ...orderSummaryEventSelect, status: true } },
      _count: { select: { checkins: { where: { result: "admitted" } } } },
    },
  });
  if (!ticket) return null;
  const state = await readTicketChangeState(db, access.orderId, ticket);
  return {
    orderId: access.orderId,
    via: access.via,
    ticket: toOrderSummaryTicket(ticket),
    event: toOrderSummaryEvent(ticket.event),
    transferRefusal: ticketChangeRefusal("transfer", state, now),
    renameRefusal: ticketChangeRefusal("rename", state, now),
  };
}
