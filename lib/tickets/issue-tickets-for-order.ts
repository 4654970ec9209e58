// Turns a paid order into tickets: one per seat of each line, each with a code signed by the event's key and
// the holder name the buyer gave for that seat at checkout (else the buyer's name).
// Called by the Stripe webhook inside the transaction that marks the order paid.
import "server-only";
import type { Db, TicketStatus } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getOrCreateEventKey, signTicketCode } from "@/lib/tickets/signing";

export interface IssuedTicket {
  id: string;
  orderItemId: string;
  tierId: string;
  secret: string;
  secretHash: string;
  keyId: number;
  holderName: string | null;
  holderEmail: string | null;
  status: TicketStatus;
  disputed: boolean;
}

const ticketSelect = {
  id: true,
  orderItemId: true,
  tierId: true,
  secret: true,
  secretHash: true,
  keyId: true,
  holderName: true,
  holderEmail: true,
  status: true,
  disputed: true,
} as const;

/**
 * Issues the order's tickets, or returns the ones it already has: a redelivered webhook (or a replay) never
 * issues twice. Locks the order row first, so two concurrent calls for one order cannot both issue.
 * Also marks the order's holds converted (their seats are now tickets). Only a `paid` order without
 * tickets gets new ones; anything else is a conflict. Pass the caller's transaction client.
 */
export async function issueTicketsForOrder(tx: Db, orderId: string): Promise<IssuedTicket[]> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Order not found.");

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      organizerId: true,
      eventId: true,
      status: true,
      buyerName: true,
      buyerEmail: true,
      items: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, tierId: true, quantity: true, holderNames: true },
      },
    },
  });

  const existing = await findOrderTickets(tx, order.id, order.organizerId);
  if (existing.length > 0) return existing;
  if (order.status !== "paid") {
    throw AppError.conflict(`Tickets are issued for paid orders only (this one is ${order.status}).`);
  }

  const event = await tx.event.findFirst({
    where: { id: order.eventId, organizerId: order.organizerId },
    select: { id: true, organizerId: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  const key = await getOrCreateEventKey(tx, event);

  const data = order.items.flatMap((item) =>
    Array.from({ length: item.quantity }, (_, seat) => {
      const code = signTicketCode(key, { eventId: event.id, tierId: item.tierId });
      return {
        organizerId: order.organizerId,
        eventId: event.id,
        tierId: item.tierId,
        orderId: order.id,
        orderItemId: item.id,
        secret: code.secret,
        secretHash: code.secretHash,
        keyId: code.keyId,
        // The name given for this seat at checkout, else the buyer's.
        holderName: item.holderNames[seat] || order.buyerName,
        holderEmail: order.buyerEmail,
      };
    }),
  );
  if (data.length > 0) await tx.ticket.createMany({ data });
  await tx.hold.updateMany({
    where: { orderId: order.id, convertedAt: null, releasedAt: null },
    data: { convertedAt: new Date() },
  });
  return findOrderTickets(tx, order.id, order.organizerId);
}

/** Tickets in line order, then creation order. */
async function findOrderTickets(tx: Db, orderId: string, organizerId: string): Promise<IssuedTicket[]> {
  const tickets = await tx.ticket.findMany({
    where: { orderId, organizerId },
    orderBy: [
      { orderItem: { createdAt: "asc" } },
      { orderItemId: "asc" },
      { createdAt: "asc" },
      { id: "asc" },
    ],
    select: ticketSelect,
  });
  return tickets;
}
