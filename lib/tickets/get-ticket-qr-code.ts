// The QR image of one ticket for whoever may see its order (the buyer's token or the organizer's team).
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveOrderAccess, type OrderAccessRequest } from "@/lib/orders/resolve-order-access";
import { TicketGoneError } from "@/lib/tickets/ticket-gone";
import { renderTicketQrPng, renderTicketQrSvg, type QrFormat } from "@/lib/tickets/render-ticket-qr";

export interface TicketQrCode {
  body: Uint8Array | string;
  contentType: string;
}

/**
 * 404 for an unknown ticket and for a caller without access to its order (the same answer: no probing of
 * ticket ids); TicketGoneError (410) for a refunded or void ticket.
 */
export async function getTicketQrCode(
  input: Omit<OrderAccessRequest, "orderId"> & { ticketId: string; format: QrFormat },
  options: { db?: Db } = {},
): Promise<TicketQrCode> {
  const client = options.db ?? defaultDb;
  if (input.ticketId.length === 0 || input.ticketId.length > 64) throw AppError.notFound("Ticket not found.");
  const located = await client.ticket.findUnique({
    where: { id: input.ticketId },
    select: { orderId: true },
  });
  if (!located) throw AppError.notFound("Ticket not found.");
  const access = await resolveOrderAccess(
    { orderId: located.orderId, token: input.token, userId: input.userId },
    { db: client },
  );
  if (!access) throw AppError.notFound("Ticket not found.");
  const ticket = await client.ticket.findFirst({
    where: { id: input.ticketId, orderId: access.orderId, organizerId: access.organizerId },
    select: { secret: true, status: true },
  });
  if (!ticket) throw AppError.notFound("Ticket not found.");
  if (ticket.status !== "valid") throw new TicketGoneError();
  return input.format === "svg"
    ? { body: await renderTicketQrSvg(ticket.secret), contentType: "image/svg+xml" }
    : { body: new Uint8Array(await renderTicketQrPng(ticket.secret)), contentType: "image/png" };
}
