// The writes of a transfer, inside the caller's transaction, AFTER it locked the order (lockOrder): check the
// ticket may go (ticketChangeRefusal), then
//
//   the old ticket `transferred` (voidedAt), its code hash appended to the revocation list (scanners learn it
//   on their next sync, exactly as with a refund), the ticket's updatedAt moving so the next delta carries it;
//   a new ticket in the same order item and tier with a new signed code, holder = the recipient (a seat for a
//   seat: availability counts valid tickets, so the count does not move);
//   a TicketTransfer row with the sha256 of the recipient's link token;
//   the recipient's email queued (sent after commit by the outbox job);
//   one `ticket.transferred` audit entry with both ticket ids (never a code).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueEmail } from "@/lib/email/queue-email";
import { formatEventTime } from "@/lib/events/format-event-time";
import { orderAccessActor } from "@/lib/orders/order-access-actor";
import { createOrderAccessToken } from "@/lib/orders/order-access-token";
import { readTicketChangeState } from "@/lib/tickets/read-ticket-change-state";
import type { TicketAccess } from "@/lib/tickets/resolve-ticket-access";
import { getOrCreateEventKey, signTicketCode } from "@/lib/tickets/signing";
import { ticketChangeRefusal } from "@/lib/tickets/ticket-change-refusal";

export const TICKET_TRANSFERRED_TEMPLATE = "ticket-transferred";
export const TRANSFER_REVOCATION_REASON = "transferred";

export interface TransferRecipient {
  name: string;
  email: string;
}

export interface AppliedTransfer {
  transferId: string;
  fromTicketId: string;
  toTicketId: string;
  recipient: TransferRecipient;
}

/** The recipient's page: their one ticket, opened by the transfer's token (lib/tickets/get-ticket-pass.ts). */
export function ticketPassUrl(orderId: string, ticketId: string, token: string): string {
  const path = `/tickets/order/${encodeURIComponent(orderId)}/tickets/${encodeURIComponent(ticketId)}`;
  const url = new URL(path, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

export async function applyTicketTransfer(
  tx: Db,
  access: TicketAccess,
  recipient: TransferRecipient,
  now: Date,
): Promise<AppliedTransfer> {
  const ticket = await tx.ticket.findFirst({
    where: { id: access.ticketId, orderId: access.orderId, organizerId: access.organizerId },
    select: {
      id: true,
      eventId: true,
      tierId: true,
      orderItemId: true,
      secretHash: true,
      status: true,
      disputed: true,
      holderName: true,
      orderItem: { select: { tierName: true } },
      order: { select: { status: true, buyerName: true } },
      receivedVia: { select: { recipientName: true } },
      event: {
        select: {
          id: true,
          organizerId: true,
          title: true,
          status: true,
          startsAt: true,
          timezone: true,
          venueName: true,
          transfersEnabled: true,
          organizer: { select: { name: true } },
        },
      },
      _count: { select: { checkins: { where: { result: "admitted" } } } },
    },
  });
  if (!ticket) throw AppError.notFound("Ticket not found.");
  // A refund requested for this ticket voids it when Stripe confirms: the seat must not move meanwhile.
  const refusal = ticketChangeRefusal(
    "transfer",
    await readTicketChangeState(tx, access.orderId, ticket),
    now,
  );
  if (refusal) throw AppError.conflict(refusal);

  await tx.ticket.update({
    where: { id: ticket.id },
    data: { status: "transferred", voidedAt: now },
  });
  await tx.revokedSecret.create({
    data: {
      eventId: ticket.eventId,
      ticketId: ticket.id,
      secretHash: ticket.secretHash,
      reason: TRANSFER_REVOCATION_REASON,
    },
  });
  const key = await getOrCreateEventKey(tx, ticket.event);
  const code = signTicketCode(key, { eventId: ticket.eventId, tierId: ticket.tierId });
  const issued = await tx.ticket.create({
    data: {
      organizerId: access.organizerId,
      eventId: ticket.eventId,
      tierId: ticket.tierId,
      orderId: access.orderId,
      orderItemId: ticket.orderItemId,
      secret: code.secret,
      secretHash: code.secretHash,
      keyId: code.keyId,
      holderName: recipient.name,
      holderEmail: recipient.email,
    },
    select: { id: true },
  });
  const link = createOrderAccessToken();
  const transfer = await tx.ticketTransfer.create({
    data: {
      organizerId: access.organizerId,
      orderId: access.orderId,
      fromTicketId: ticket.id,
      toTicketId: issued.id,
      recipientName: recipient.name,
      recipientEmail: recipient.email,
      accessTokenHash: link.hash,
    },
    select: { id: true },
  });

  const senderName = ticket.receivedVia?.recipientName ?? ticket.holderName ?? ticket.order.buyerName;
  await queueEmail(
    {
      to: recipient.email,
      template: TICKET_TRANSFERRED_TEMPLATE,
      props: {
        recipientName: recipient.name,
        senderName,
        eventTitle: ticket.event.title,
        organizerName: ticket.event.organizer.name,
        startsAt: formatEventTime(ticket.event.startsAt, ticket.event.timezone),
        venueName: ticket.event.venueName,
        tierName: ticket.orderItem.tierName,
        passUrl: ticketPassUrl(access.orderId, issued.id, link.token),
      },
      organizerId: access.organizerId,
      orderId: access.orderId,
    },
    { db: tx },
  );
  await recordAudit(tx, {
    organizerId: access.organizerId,
    ...orderAccessActor(access),
    action: "ticket.transferred",
    entityType: "ticket",
    entityId: ticket.id,
    data: {
      orderId: access.orderId,
      transferId: transfer.id,
      fromTicketId: ticket.id,
      toTicketId: issued.id,
      via: access.via,
    },
  });
  return { transferId: transfer.id, fromTicketId: ticket.id, toTicketId: issued.id, recipient };
}
