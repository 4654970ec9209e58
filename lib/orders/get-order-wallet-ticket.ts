// One ticket of an order the caller may see, as a wallet pass carries it. Only a valid ticket makes a pass
// (refunded or void answers 410, like its QR code); a team member's download is audited like their QR fetches.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { eventDisplaySelect } from "@/lib/events/event-display";
import { formatEventTime } from "@/lib/events/format-event-time";
import { auditTeamDownload } from "@/lib/orders/audit-team-download";
import { orderPassesUrl } from "@/lib/orders/order-access-token";
import { orderReference, ticketShortCode } from "@/lib/orders/order-summary";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";
import { TicketGoneError } from "@/lib/tickets/ticket-gone";
import type { WalletTicket } from "@/lib/wallet/wallet-ticket";

export async function getOrderWalletTicket(
  access: OrderAccess,
  ticketId: string,
  options: { token?: string; wallet: "apple" | "google"; db?: Db },
): Promise<WalletTicket> {
  const client = options.db ?? defaultDb;
  const ticket = await client.ticket.findFirst({
    where: { id: ticketId, orderId: access.orderId, organizerId: access.organizerId },
    select: {
      id: true,
      secret: true,
      status: true,
      holderName: true,
      orderItem: { select: { tierName: true } },
      order: { select: { id: true, buyerName: true } },
      event: {
        select: {
          id: true,
          ...eventDisplaySelect,
          venueLatitude: true,
          venueLongitude: true,
          organizer: { select: { name: true } },
        },
      },
    },
  });
  if (!ticket) throw AppError.notFound("Ticket not found.");
  if (ticket.status !== "valid") throw new TicketGoneError();

  await auditTeamDownload(client, access, {
    action: "order.wallet_pass_downloaded",
    entityType: "ticket",
    entityId: ticket.id,
    data: { orderId: ticket.order.id, wallet: options.wallet },
  });

  const { event, order } = ticket;
  return {
    ticketId: ticket.id,
    code: ticket.secret,
    shortCode: ticketShortCode(ticket.id),
    tierName: ticket.orderItem.tierName,
    holderName: ticket.holderName ?? order.buyerName,
    orderReference: orderReference(order.id),
    organizerName: event.organizer.name,
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      startsAtLocal: formatEventTime(event.startsAt, event.timezone),
      venueName: event.venueName,
      address:
        [event.venueAddress, event.city, event.region, event.country].filter(Boolean).join(", ") || null,
      latitude: event.venueLatitude,
      longitude: event.venueLongitude,
    },
    passesUrl: options.token
      ? orderPassesUrl(order.id, options.token)
      : new URL("/tickets/find", env.APP_URL).toString(),
  };
}
