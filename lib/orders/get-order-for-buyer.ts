import "server-only";
import { getOrderSummary } from "@/lib/orders/get-order-summary";
import { eventGoogleCalendarUrl } from "@/lib/orders/order-calendar";
import type { OrderSummary } from "@/lib/orders/order-summary";
import { resolveOrderAccess } from "@/lib/orders/resolve-order-access";
import { walletOptions } from "@/lib/wallet/wallet-config";

export interface OrderPassesData {
  summary: OrderSummary;
  /** Same-origin links carrying the buyer's token. */
  links: {
    order: string;
    calendarIcs: string;
    /** Every valid ticket as a printable PDF, one page each. */
    ticketsPdf: string;
    googleCalendar: string;
    eventPage: string;
  };
  /** Which wallet passes the platform can sign (each ticket gets its own button). */
  wallet: { apple: boolean; google: boolean };
}

/**
 * The passes page's data when `token` opens the order, else null (the page shows "not found"; a wrong
 * token and a missing order look the same).
 */
export async function getOrderForBuyer(
  orderId: string,
  token: string | null | undefined,
): Promise<OrderPassesData | null> {
  if (!token) return null;
  const access = await resolveOrderAccess({ orderId, token });
  if (!access) return null;
  const summary = await getOrderSummary(access);
  const id = encodeURIComponent(summary.id);
  const query = `token=${encodeURIComponent(token)}`;
  return {
    summary,
    links: {
      order: `/api/tickets/orders/${id}?${query}`,
      calendarIcs: `/api/tickets/orders/${id}/calendar.ics?${query}`,
      ticketsPdf: `/api/tickets/orders/${id}/tickets.pdf?${query}`,
      googleCalendar: eventGoogleCalendarUrl({
        ...summary.event,
        startsAt: new Date(summary.event.startsAt),
        endsAt: new Date(summary.event.endsAt),
      }),
      eventPage: `/tickets/e/${encodeURIComponent(summary.event.slug)}`,
    },
    wallet: walletOptions(),
  };
}
