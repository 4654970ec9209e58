// Queues the "your tickets" email inside the caller's transaction (the Stripe webhook's, which also marks
// the order paid and issues the tickets): the message is sent only if that transaction commits.
import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueEmail, type EmailAttachment } from "@/lib/email/queue-email";
import type { EmailTemplateProps } from "@/lib/email/templates";
import { calendarEventSelect } from "@/lib/orders/get-order-calendar";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderLinesSelect, orderTotalsSelect, toOrderTotals } from "@/lib/orders/order-select";
import { orderCalendarFile } from "@/lib/orders/order-calendar";
import { orderAccessTokenMatches, orderPassesUrl } from "@/lib/orders/order-access-token";
import { orderLinkForEmail } from "@/lib/orders/order-link-for-email";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";
import { ticketShortCode } from "@/lib/orders/order-summary";
import { readInlineImage, type InlineImage } from "@/lib/orders/read-inline-image";
import { formatEventTime } from "@/lib/events/format-event-time";
import { getOrderTicketsPdf } from "@/lib/orders/get-order-tickets-pdf";
import type { Storage } from "@/lib/storage/storage";
import { heldByOrder } from "@/lib/tickets/held-by-order";
import { renderTicketQrPng } from "@/lib/tickets/render-ticket-qr";

export const ORDER_CONFIRMATION_TEMPLATE = "order-confirmation";
/** emailAttachmentsSchema (lib/email/types.ts) allows 20 attachments per message. */
const MAX_ATTACHMENTS = 20;
export const LOGO_CID = "organizer-logo";
export const COVER_CID = "event-cover";
export const qrCid = (ticketId: string) => `qr-${ticketId}`;

export interface QueueOrderConfirmationOptions {
  /**
   * The buyer's access token, when the caller still has it (e.g. right after checkout): the email links to
   * the same passes page the buyer already has open. Must match the order's stored hash.
   *
   * Without it: the order's derived token for its link version is rebuilt and used (orderLinkForEmail) —
   * nothing changes for the buyer. Only an order whose stored hash matches no derived token (older random
   * tokens, a changed AUTH_SECRET) moves to the next link version in this same transaction, and the email
   * carries the new link; any earlier link then stops working (an open passes page says "use the link in
   * your email").
   */
  accessToken?: string;
  /** Queue a second confirmation even if one was queued for this order before (a "resend" button). */
  force?: boolean;
  /** Where uploaded images are read from (tests); defaults to the configured storage. */
  storage?: Storage;
}

export interface QueueOrderConfirmationResult {
  outboxId: string;
  /** True when an earlier confirmation was found and nothing was written (redelivered webhook). */
  alreadyQueued: boolean;
  /** True when a new access token replaced the old one (see QueueOrderConfirmationOptions.accessToken). */
  accessTokenRotated: boolean;
}

/**
 * Builds and queues the confirmation of a paid order: event details with the time zone, lines with fee
 * and named taxes, one inline QR PNG per valid ticket (`cid:qr-<ticketId>`), the organizer's logo and the
 * event's cover as inline images when our storage can read them, and `<event-slug>.ics`. Idempotent: a
 * second call for the same order returns the first message unless `force` is set. Call after
 * issueTicketsForOrder, with the same transaction client.
 */
export async function queueOrderConfirmation(
  tx: Db,
  orderId: string,
  options: QueueOrderConfirmationOptions = {},
): Promise<QueueOrderConfirmationResult> {
  await lockOrder(tx, orderId);

  if (!options.force) {
    const earlier = await tx.emailOutbox.findFirst({
      where: { orderId, template: ORDER_CONFIRMATION_TEMPLATE },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (earlier) return { outboxId: earlier.id, alreadyQueued: true, accessTokenRotated: false };
  }

  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      organizerId: true,
      status: true,
      buyerEmail: true,
      buyerName: true,
      currency: true,
      ...orderTotalsSelect,
      taxLines: true,
      accessTokenHash: true,
      event: { select: calendarEventSelect },
      eventId: true,
      items: orderLinesSelect,
    },
  });
  if (order.status !== "paid" && order.status !== "partially_refunded") {
    throw AppError.conflict(`Only paid orders get a confirmation (this one is ${order.status}).`);
  }
  // One after another: a transaction is one connection, and pg deprecates overlapping queries on it.
  const organizer = await tx.organizer.findUniqueOrThrow({
    where: { id: order.organizerId },
    select: { name: true, logoUrl: true, attachTicketsPdf: true },
  });
  const { coverImageUrl } = await tx.event.findFirstOrThrow({
    where: { id: order.eventId, organizerId: order.organizerId },
    select: { coverImageUrl: true },
  });
  const tickets = await tx.ticket.findMany({
    where: { orderId: order.id, organizerId: order.organizerId, status: "valid", ...heldByOrder },
    orderBy: [
      { orderItem: { createdAt: "asc" } },
      { orderItemId: "asc" },
      { createdAt: "asc" },
      { id: "asc" },
    ],
    select: { id: true, secret: true, holderName: true, orderItem: { select: { tierName: true } } },
  });
  if (tickets.length === 0) {
    throw AppError.conflict("This order has no valid tickets to confirm: issue them first.");
  }

  // The link needs the token itself, which is not stored: the caller's, the derived one, or a new one.
  let token = options.accessToken;
  let accessTokenRotated = false;
  if (token !== undefined) {
    if (!orderAccessTokenMatches(token, order.accessTokenHash)) {
      throw new Error("queueOrderConfirmation: accessToken does not belong to this order");
    }
  } else {
    ({ token, rotated: accessTokenRotated } = await orderLinkForEmail(tx, order.id));
  }

  // Attachments: the .ics, the tickets PDF when the organizer asks for it, and the QR codes first; the logo
  // and cover only in the room that is left.
  const ticketsPdf = organizer.attachTicketsPdf
    ? await getOrderTicketsPdf(
        { orderId: order.id, organizerId: order.organizerId, via: "token" },
        { db: tx, storage: options.storage },
      )
    : null;
  const fixedAttachments = ticketsPdf ? 2 : 1;
  const qrTickets = tickets.slice(0, MAX_ATTACHMENTS - fixedAttachments);
  const [qrPngs, logo, cover] = await Promise.all([
    Promise.all(qrTickets.map((ticket) => renderTicketQrPng(ticket.secret))),
    readInlineImage(organizer.logoUrl, options.storage),
    readInlineImage(coverImageUrl, options.storage),
  ]);
  const { organizer: eventOrganizer, ...event } = order.event;
  const calendar = orderCalendarFile(order.id, { ...event, organizerName: eventOrganizer.name });

  const attachments: EmailAttachment[] = qrTickets.map((ticket, index) => ({
    filename: `ticket-${ticketShortCode(ticket.id)}.png`,
    contentType: "image/png",
    contentBase64: (qrPngs[index] ?? Buffer.alloc(0)).toString("base64"),
    cid: qrCid(ticket.id),
  }));
  if (ticketsPdf) {
    attachments.push({
      filename: ticketsPdf.filename,
      contentType: "application/pdf",
      contentBase64: Buffer.from(ticketsPdf.bytes).toString("base64"),
    });
  }
  const inline = (image: InlineImage | null, cid: string, name: string): string | null => {
    if (!image || attachments.length >= MAX_ATTACHMENTS - 1) return null;
    attachments.push({
      filename: `${name}.${image.extension}`,
      contentType: image.contentType,
      contentBase64: Buffer.from(image.bytes).toString("base64"),
      cid,
    });
    return cid;
  };
  const logoCid = inline(logo, LOGO_CID, "logo");
  const coverCid = inline(cover, COVER_CID, "event");
  attachments.push({
    filename: calendar.filename,
    contentType: calendar.contentType,
    contentBase64: Buffer.from(calendar.content, "utf8").toString("base64"),
  });

  const withQr = new Set(qrTickets.map((ticket) => ticket.id));
  const props: EmailTemplateProps<typeof ORDER_CONFIRMATION_TEMPLATE> = {
    orderId: order.id,
    buyerName: order.buyerName,
    passesUrl: orderPassesUrl(order.id, token),
    currency: order.currency,
    event: {
      title: event.title,
      organizerName: eventOrganizer.name,
      startsAtLocal: formatEventTime(event.startsAt, event.timezone),
      endsAtLocal: formatEventTime(event.endsAt, event.timezone),
      timezone: event.timezone,
      venueName: event.venueName,
      address:
        [event.venueAddress, event.city, event.region, event.country].filter(Boolean).join(", ") || null,
    },
    logoCid,
    coverCid,
    lines: order.items.map((item) => ({
      tierName: item.tierName,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      discountMinor: item.discountMinor,
      feeMinor: item.feeMinor,
      taxMinor: item.taxMinor,
      totalMinor: item.totalMinor,
    })),
    taxLines: parseStoredTaxLines(order.taxLines),
    totals: toOrderTotals(order),
    passes: tickets.map((ticket) => ({
      ticketId: ticket.id,
      shortCode: ticketShortCode(ticket.id),
      tierName: ticket.orderItem.tierName,
      holderName: ticket.holderName,
      qrCid: withQr.has(ticket.id) ? qrCid(ticket.id) : null,
    })),
    calendarAttached: true,
    pdfAttached: ticketsPdf !== null,
  };

  const { id } = await queueEmail(
    {
      to: order.buyerEmail,
      template: ORDER_CONFIRMATION_TEMPLATE,
      props,
      organizerId: order.organizerId,
      orderId: order.id,
      attachments,
    },
    { db: tx },
  );
  return { outboxId: id, alreadyQueued: false, accessTokenRotated };
}
