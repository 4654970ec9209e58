// The printable tickets of an order the caller may see (resolveOrderAccess): every valid ticket, or one of
// them. Refunded and void tickets are left out (a printed code must be one the door accepts); asking for one
// by id answers 410 like its QR code. A team member's download is audited like their QR fetches, since the
// pages carry the codes.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventDisplaySelect } from "@/lib/events/event-display";
import { formatEventTime } from "@/lib/events/format-event-time";
import { auditTeamDownload } from "@/lib/orders/audit-team-download";
import { orderReference, ticketShortCode } from "@/lib/orders/order-summary";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";
import { readInlineImage } from "@/lib/orders/read-inline-image";
import type { Storage } from "@/lib/storage/storage";
import { renderTicketQrPng } from "@/lib/tickets/render-ticket-qr";
import { renderTicketsPdf, type TicketsPdfLogo } from "@/lib/tickets/render-tickets-pdf";
import { heldByOrder } from "@/lib/tickets/held-by-order";
import { TicketGoneError } from "@/lib/tickets/ticket-gone";

export interface TicketsPdfFile {
  filename: string;
  bytes: Uint8Array;
}

export async function getOrderTicketsPdf(
  access: OrderAccess,
  options: { ticketId?: string; db?: Db; storage?: Storage } = {},
): Promise<TicketsPdfFile> {
  const client = options.db ?? defaultDb;
  const order = await client.order.findFirst({
    where: { id: access.orderId, organizerId: access.organizerId },
    select: {
      id: true,
      buyerName: true,
      event: { select: { ...eventDisplaySelect, organizer: { select: { name: true, logoUrl: true } } } },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
  // In the order of their lines, as on the passes page and in the confirmation.
  const tickets = await client.ticket.findMany({
    where: {
      orderId: order.id,
      organizerId: access.organizerId,
      ...(access.via === "organizer" ? {} : heldByOrder),
    },
    orderBy: [
      { orderItem: { createdAt: "asc" } },
      { orderItemId: "asc" },
      { createdAt: "asc" },
      { id: "asc" },
    ],
    select: {
      id: true,
      secret: true,
      status: true,
      holderName: true,
      orderItem: { select: { tierName: true } },
    },
  });
  const valid = tickets.filter((ticket) => ticket.status === "valid");
  let printed = valid;
  if (options.ticketId !== undefined) {
    const asked = tickets.find((ticket) => ticket.id === options.ticketId);
    if (!asked) throw AppError.notFound("Ticket not found.");
    if (asked.status !== "valid") throw new TicketGoneError();
    printed = [asked];
  }
  if (printed.length === 0) throw AppError.conflict("This order has no valid tickets to print.");

  await auditTeamDownload(client, access, {
    action: "order.tickets_pdf_downloaded",
    entityType: "order",
    entityId: order.id,
    data: { ticketIds: printed.map((ticket) => ticket.id) },
  });

  const { event } = order;
  const [qrPngs, logoImage] = await Promise.all([
    Promise.all(printed.map((ticket) => renderTicketQrPng(ticket.secret))),
    readInlineImage(event.organizer.logoUrl, options.storage),
  ]);
  const logo: TicketsPdfLogo | null =
    logoImage && (logoImage.extension === "png" || logoImage.extension === "jpg")
      ? { bytes: logoImage.bytes, kind: logoImage.extension }
      : null;
  const reference = orderReference(order.id);
  const bytes = await renderTicketsPdf({
    organizerName: event.organizer.name,
    logo,
    event: {
      title: event.title,
      startsAtLocal: formatEventTime(event.startsAt, event.timezone),
      timezone: event.timezone,
      venueName: event.venueName,
      address:
        [event.venueAddress, event.city, event.region, event.country].filter(Boolean).join(", ") || null,
    },
    orderReference: reference,
    ticketCount: valid.length,
    tickets: printed.map((ticket, index) => ({
      shortCode: ticketShortCode(ticket.id),
      tierName: ticket.orderItem.tierName,
      holderName: ticket.holderName ?? order.buyerName,
      qrPng: qrPngs[index] ?? new Uint8Array(),
      position: valid.indexOf(ticket) + 1,
    })),
  });
  const filename =
    options.ticketId === undefined
      ? `tickets-${reference}.pdf`
      : `ticket-${ticketShortCode(options.ticketId)}.pdf`;
  return { filename, bytes };
}
