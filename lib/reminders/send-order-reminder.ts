// The reminder of one order, inside the caller's transaction: lock the order, re-check that it still
// deserves one, claim its (order, event_reminder) notice row and queue the email with the same client. The
// claim is an INSERT … ON CONFLICT DO NOTHING on a unique key: a second transaction for the same order (a
// rerun, or another worker) either waits for the first and finds the row taken, or takes it itself if the
// first rolled back; there is never a window where both see "not yet sent".
import "server-only";
import type { Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { formatEventTime } from "@/lib/events/format-event-time";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderLinkForEmail } from "@/lib/orders/order-link-for-email";
import { formatReminderWhen } from "@/lib/reminders/format-reminder-when";
import { heldByOrder } from "@/lib/tickets/held-by-order";

export const EVENT_REMINDER_TEMPLATE = "event-reminder";
/** How long before the start the reminder goes out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Queues the order's event reminder and returns its outbox id, or null when there is nothing to send: the
 * reminder was already claimed, the order is not paid, it holds no valid ticket, or its event is not a
 * published one starting within REMINDER_LEAD_MS after `now`.
 */
export async function sendOrderReminder(tx: Db, orderId: string, now: Date): Promise<string | null> {
  await lockOrder(tx, orderId);
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      organizerId: true,
      status: true,
      buyerEmail: true,
      buyerName: true,
      event: {
        select: {
          title: true,
          status: true,
          startsAt: true,
          timezone: true,
          venueName: true,
          venueAddress: true,
          city: true,
          region: true,
          country: true,
          organizer: { select: { name: true } },
        },
      },
    },
  });
  const { event } = order;
  if (order.status !== "paid" && order.status !== "partially_refunded") return null;
  if (event.status !== "published") return null;
  const untilStart = event.startsAt.getTime() - now.getTime();
  if (untilStart <= 0 || untilStart > REMINDER_LEAD_MS) return null;
  const ticketCount = await tx.ticket.count({
    where: { orderId, organizerId: order.organizerId, status: "valid", ...heldByOrder },
  });
  if (ticketCount === 0) return null;

  const { count: claimed } = await tx.orderNotice.createMany({
    data: [{ organizerId: order.organizerId, orderId, kind: "event_reminder" }],
    skipDuplicates: true,
  });
  if (claimed === 0) return null;

  const { url } = await orderLinkForEmail(tx, orderId);
  const { id: outboxId } = await queueEmail(
    {
      to: order.buyerEmail,
      template: EVENT_REMINDER_TEMPLATE,
      props: {
        buyerName: order.buyerName,
        eventTitle: event.title,
        organizerName: event.organizer.name,
        when: formatReminderWhen(event.startsAt, now, event.timezone),
        startsAt: formatEventTime(event.startsAt, event.timezone),
        venueName: event.venueName,
        address:
          [event.venueAddress, event.city, event.region, event.country].filter(Boolean).join(", ") || null,
        ticketCount,
        passesUrl: url,
      },
      organizerId: order.organizerId,
      orderId,
    },
    { db: tx },
  );
  await tx.orderNotice.update({
    where: { orderId_kind: { orderId, kind: "event_reminder" } },
    data: { outboxId },
  });
  return outboxId;
}
