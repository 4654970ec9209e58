// The state ticketChangeRefusal judges, read for one ticket of an order: whether it was admitted at the door
// (from the admitted check-ins the caller counted in its select) and whether a refund of it awaits Stripe.
import "server-only";
import type { Db } from "@/lib/db";
import type { TicketChangeState } from "@/lib/tickets/ticket-change-refusal";

export interface TicketChangeRow {
  id: string;
  status: TicketChangeState["status"];
  disputed: boolean;
  event: { status: TicketChangeState["eventStatus"]; startsAt: Date; transfersEnabled: boolean };
  /** Select it as `_count: { select: { checkins: { where: { result: "admitted" } } } }`. */
  _count: { checkins: number };
}

export async function readTicketChangeState(
  client: Db,
  orderId: string,
  ticket: TicketChangeRow,
): Promise<TicketChangeState> {
  const pendingRefunds = await client.refund.count({
    where: { orderId, status: "pending", ticketIds: { has: ticket.id } },
  });
  return {
    status: ticket.status,
    disputed: ticket.disputed,
    checkedIn: ticket._count.checkins > 0,
    refundPending: pendingRefunds > 0,
    eventStatus: ticket.event.status,
    eventStartsAt: ticket.event.startsAt,
    transfersEnabled: ticket.event.transfersEnabled,
  };
}
