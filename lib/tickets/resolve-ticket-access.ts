// Who may act on one ticket: the holder of its order's link (for the tickets the order still holds, see
// heldByOrder), the recipient of a transfer holding that transfer's link (for that one ticket), or a
// signed-in owner/manager of the organizer. Anyone else gets the same "not found" as for a missing ticket.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { hashOrderAccessToken } from "@/lib/orders/order-access-token";
import { resolveOrderAccess, type OrderAccessRequest } from "@/lib/orders/resolve-order-access";
import { heldByOrder } from "@/lib/tickets/held-by-order";

export type TicketAccess = { orderId: string; organizerId: string; ticketId: string } & (
  { via: "token" } | { via: "transfer"; transferId: string } | { via: "organizer"; userId: string }
);

export interface TicketAccessRequest extends OrderAccessRequest {
  ticketId: string;
}

/** Same shape as an order access token (random 32 bytes, base64url). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** The caller's access to the ticket, or null. Never distinguishes "missing" from "not yours". */
export async function resolveTicketAccess(
  request: TicketAccessRequest,
  options: { db?: Db } = {},
): Promise<TicketAccess | null> {
  const client = options.db ?? defaultDb;
  const { ticketId, orderId, token } = request;
  if (ticketId.length === 0 || ticketId.length > 64 || orderId.length === 0 || orderId.length > 64)
    return null;

  // A transfer's link first: it is not the order's token, and it never opens more than its one ticket.
  if (token && TOKEN_PATTERN.test(token)) {
    const transfer = await client.ticketTransfer.findUnique({
      where: { accessTokenHash: hashOrderAccessToken(token) },
      select: { id: true, orderId: true, organizerId: true, toTicketId: true },
    });
    if (transfer) {
      if (transfer.orderId !== orderId || transfer.toTicketId !== ticketId) return null;
      return {
        via: "transfer",
        transferId: transfer.id,
        orderId: transfer.orderId,
        organizerId: transfer.organizerId,
        ticketId,
      };
    }
  }

  const order = await resolveOrderAccess(request, { db: client });
  if (!order) return null;
  const ticket = await client.ticket.findFirst({
    where: {
      id: ticketId,
      orderId: order.orderId,
      organizerId: order.organizerId,
      ...(order.via === "token" ? heldByOrder : {}),
    },
    select: { id: true },
  });
  if (!ticket) return null;
  return order.via === "organizer"
    ? {
        via: "organizer",
        userId: order.userId,
        orderId: order.orderId,
        organizerId: order.organizerId,
        ticketId,
      }
    : { via: "token", orderId: order.orderId, organizerId: order.organizerId, ticketId };
}
