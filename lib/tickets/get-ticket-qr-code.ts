// The QR image of one ticket: for the buyer's link (the tickets the order holds), a transfer recipient's link
// (their one ticket), and the organizer's owners and managers (resending, support), each of whose fetches is
// audited. Scanners and anyone else: 404.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditTeamDownload } from "@/lib/orders/audit-team-download";
import type { OrderAccessRequest } from "@/lib/orders/resolve-order-access";
import { resolveTicketAccess } from "@/lib/tickets/resolve-ticket-access";
import { TicketGoneError } from "@/lib/tickets/ticket-gone";
import { renderTicketQrPng, renderTicketQrSvg, type QrFormat } from "@/lib/tickets/render-ticket-qr";

export interface TicketQrCode {
  body: Uint8Array | string;
  contentType: string;
}

/**
 * A team fetch writes a `ticket.qr_code_viewed` audit row before the image is rendered (no row, no image).
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
  const access = await resolveTicketAccess(
    { orderId: located.orderId, ticketId: input.ticketId, token: input.token, userId: input.userId },
    { db: client },
  );
  if (!access) throw AppError.notFound("Ticket not found.");
  const ticket = await client.ticket.findFirst({
    where: { id: input.ticketId, orderId: access.orderId, organizerId: access.organizerId },
    select: { secret: true, status: true },
  });
  if (!ticket) throw AppError.notFound("Ticket not found.");
  if (ticket.status !== "valid") throw new TicketGoneError();
  await auditTeamDownload(client, access, {
    action: "ticket.qr_code_viewed",
    entityType: "ticket",
    entityId: input.ticketId,
    data: { orderId: access.orderId, format: input.format },
  });
  return input.format === "svg"
    ? { body: await renderTicketQrSvg(ticket.secret), contentType: "image/svg+xml" }
    : { body: new Uint8Array(await renderTicketQrPng(ticket.secret)), contentType: "image/png" };
}
