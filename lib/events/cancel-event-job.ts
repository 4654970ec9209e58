// events.cancel-refunds: after an event is cancelled, one Refund (+ refunds.submit) per paid order for
// whatever is left to refund, and the buyer's `event-cancelled` email (once per order). Safe to rerun: an
// order already refunded or with a refund pending is skipped, so the retry button simply runs it again and
// only the orders whose refund failed get a new one. The refund deadline does not apply (the organizer
// cancelled). Tickets are voided when Stripe confirms, through applyRefund like every other refund.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { isAppError } from "@/lib/errors";
import { formatEventTime } from "@/lib/events/format-event-time";
import { defineJob } from "@/lib/jobs/define-job";
import { formatMoney } from "@/lib/money/format-money";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderLinkForEmail } from "@/lib/orders/order-link-for-email";
import { requestRefund } from "@/lib/refunds/request-refund";

export const EVENT_CANCELLED_REASON = "Event cancelled by the organizer";

export function cancelEventJobKey(eventId: string): string {
  return `cancel-event:${eventId}`;
}

export const cancelEventRefundsJob = defineJob({
  name: "events.cancel-refunds",
  payload: z.object({ eventId: z.string().min(1).max(100), userId: z.string().min(1).max(100) }),
  maxAttempts: 5,
  async handler({ eventId, userId }, ctx) {
    const event = await db.event.findUnique({
      where: { id: eventId },
      select: {
        id: true,
        organizerId: true,
        status: true,
        title: true,
        startsAt: true,
        timezone: true,
        organizer: { select: { name: true } },
      },
    });
    if (!event || event.status !== "cancelled") return;
    const orders = await db.order.findMany({
      where: { eventId, status: { in: ["paid", "partially_refunded"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        buyerEmail: true,
        buyerName: true,
        currency: true,
        totalMinor: true,
        refundedMinor: true,
        channel: true,
      },
    });
    const errors: string[] = [];
    for (const order of orders) {
      // A comp order paid nothing: there is no refund to request, only the buyer to tell.
      try {
        if (order.channel !== "comp")
          await requestRefund(
            { userId, organizerId: event.organizerId, isAdmin: false },
            order.id,
            { reason: EVENT_CANCELLED_REASON },
            { source: "event_cancelled", skipDeadline: true },
          );
      } catch (error) {
        // conflict: already refunded or a refund is pending — nothing to do for this order.
        if (!(isAppError(error) && error.code === "conflict")) {
          errors.push(`${order.id}: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
      }
      await db.$transaction(async (tx) => {
        await lockOrder(tx, order.id);
        const told = await tx.emailOutbox.count({
          where: { orderId: order.id, template: "event-cancelled" },
        });
        if (told > 0) return;
        await queueEmail(
          {
            to: order.buyerEmail,
            template: "event-cancelled",
            props: {
              buyerName: order.buyerName,
              eventTitle: event.title,
              organizerName: event.organizer.name,
              startsAt: formatEventTime(event.startsAt, event.timezone),
              amount: formatMoney(order.totalMinor - order.refundedMinor, order.currency),
              passesUrl: (await orderLinkForEmail(tx, order.id)).url,
            },
            organizerId: event.organizerId,
            orderId: order.id,
          },
          { db: tx },
        );
      });
    }
    ctx.log.info(
      { event: "tickets.events.cancel_refunds", eventId, orders: orders.length, errors: errors.length },
      "cancellation refunds requested",
    );
    if (errors.length > 0) throw new Error(`refunds could not be requested for: ${errors.join("; ")}`);
  },
});
