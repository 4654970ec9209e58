// Every order bought with one email address, across organizers: the buyer's account page. The email is the
// tenant here (a buyer belongs to no organizer), so every query is keyed on it, in its one spelling.
import "server-only";
import { canonicalEmail } from "@/lib/auth/email";
import { db as defaultDb, type Db, type OrderStatus } from "@/lib/db";
import { formatInZone } from "@/lib/events/zoned-time";
import { orderAccessTokenFor, orderAccessTokenMatches } from "@/lib/orders/order-access-token";
import { orderReference, ticketShortCode, type PassStatus } from "@/lib/orders/order-summary";
import { heldByOrder } from "@/lib/tickets/held-by-order";

/** Orders that hold (or held) tickets; pending and expired checkouts are not the buyer's orders. */
export const BUYER_ORDER_STATUSES = [
  "paid",
  "partially_refunded",
  "refunded",
] as const satisfies readonly OrderStatus[];
export type BuyerOrderStatus = (typeof BUYER_ORDER_STATUSES)[number];

/** More than any one buyer has; a bound, so an address shared by a box office cannot load without end. */
const MAX_ORDERS = 500;

export interface BuyerTicketView {
  id: string;
  shortCode: string;
  tierName: string;
  holderName: string | null;
  status: PassStatus;
}

export interface BuyerOrderView {
  id: string;
  reference: string;
  status: BuyerOrderStatus;
  organizerName: string;
  currency: string;
  totalMinor: number;
  event: {
    title: string;
    venueName: string;
    city: string;
    timezone: string;
    startsAt: string;
    /** "Sun 27 Dec 2026, 20:00 PST": in the event's zone, the zone named (formatInZone). */
    startsAtLocal: string;
    cancelled: boolean;
  };
  tickets: BuyerTicketView[];
  /**
   * The passes page with the order's current derived token (`/tickets/order/<id>?token=…`), rebuilt from the
   * row as the emails do (orderAccessTokenFor). Null for an order whose stored hash is not a derived token
   * (older random tokens, a changed AUTH_SECRET): its link can only be moved on, which find-my-tickets does
   * when it emails it, so this page never invalidates a link the buyer holds.
   */
  passesPath: string | null;
}

export interface BuyerOrders {
  /** Events not yet over, soonest first. */
  upcoming: BuyerOrderView[];
  /** Events that have ended, most recent first. */
  past: BuyerOrderView[];
}

/**
 * The orders bought with `email` (canonicalEmail: how checkout stores and sign-in reads addresses), split at
 * `now` by the event's end: an event under way is still upcoming. An address that is not one plain email
 * matches nothing. Only for the holder of that address (a signed-in user's own email): the answer carries
 * links that open the orders.
 */
export async function listBuyerOrders(
  email: string,
  options: { now?: Date; db?: Db } = {},
): Promise<BuyerOrders> {
  const buyerEmail = canonicalEmail(email);
  if (buyerEmail === null) return { upcoming: [], past: [] };
  const client = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const orders = await client.order.findMany({
    where: { buyerEmail, status: { in: [...BUYER_ORDER_STATUSES] } },
    orderBy: [{ event: { startsAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    take: MAX_ORDERS,
    select: {
      id: true,
      status: true,
      currency: true,
      totalMinor: true,
      accessTokenHash: true,
      accessLinkVersion: true,
      organizer: { select: { name: true } },
      event: {
        select: {
          title: true,
          venueName: true,
          city: true,
          timezone: true,
          startsAt: true,
          endsAt: true,
          status: true,
        },
      },
      tickets: {
        where: heldByOrder,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          holderName: true,
          orderItem: { select: { tierName: true } },
        },
      },
    },
  });

  const upcoming: BuyerOrderView[] = [];
  const past: BuyerOrderView[] = [];
  for (const order of orders) {
    const { event } = order;
    const derived = orderAccessTokenFor(order.id, order.accessLinkVersion);
    const view: BuyerOrderView = {
      id: order.id,
      reference: orderReference(order.id),
      // The query keeps these three statuses only.
      status: order.status as BuyerOrderStatus,
      organizerName: order.organizer.name,
      currency: order.currency,
      totalMinor: order.totalMinor,
      event: {
        title: event.title,
        venueName: event.venueName,
        city: event.city,
        timezone: event.timezone,
        startsAt: event.startsAt.toISOString(),
        startsAtLocal: formatInZone(event.startsAt, event.timezone),
        cancelled: event.status === "cancelled",
      },
      tickets: order.tickets.map((ticket) => ({
        id: ticket.id,
        shortCode: ticketShortCode(ticket.id),
        tierName: ticket.orderItem.tierName,
        holderName: ticket.holderName,
        status: ticket.status,
      })),
      passesPath: orderAccessTokenMatches(derived.token, order.accessTokenHash)
        ? `/tickets/order/${encodeURIComponent(order.id)}?token=${encodeURIComponent(derived.token)}`
        : null,
    };
    if (event.endsAt.getTime() >= now.getTime()) upcoming.push(view);
    else past.push(view);
  }
  past.reverse();
  return { upcoming, past };
}
