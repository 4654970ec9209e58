// The work behind "find my tickets": look up the address's orders and email their links, in a job so the
// request answers the same, in the same time, whether or not the address bought anything.
import "server-only";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { MAX_ORDER_LINKS, type OrderLinksProps } from "@/lib/email/templates/order-links";
import { defineJob } from "@/lib/jobs/define-job";
import { listBuyerOrders, type BuyerOrderView } from "@/lib/orders/list-buyer-orders";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderLinkForEmail } from "@/lib/orders/order-link-for-email";

export const ORDER_LINKS_TEMPLATE = "order-links";

function noteOf(order: BuyerOrderView): string | undefined {
  if (order.event.cancelled) return "Event cancelled";
  if (order.status === "refunded") return "Refunded";
  if (order.status === "partially_refunded") return "Partly refunded";
  return undefined;
}

/**
 * Queues one "order-links" email to `email` listing its orders (listBuyerOrders: upcoming first, then past),
 * at most MAX_ORDER_LINKS; nothing when it has none. One transaction: each order is locked (in id order, so
 * two runs cannot deadlock) and its link read with orderLinkForEmail, which moves an order whose link cannot
 * be rebuilt to a new version in the same transaction as the message that carries it.
 */
export async function sendOrderLinks(email: string): Promise<{ outboxId: string | null; orders: number }> {
  return db.$transaction(async (tx) => {
    const { upcoming, past } = await listBuyerOrders(email, { db: tx });
    const orders = [...upcoming, ...past].slice(0, MAX_ORDER_LINKS);
    if (orders.length === 0) return { outboxId: null, orders: 0 };
    const urls = new Map<string, string>();
    for (const id of orders.map((o) => o.id).sort()) {
      await lockOrder(tx, id);
      urls.set(id, (await orderLinkForEmail(tx, id)).url);
    }
    const props: OrderLinksProps = {
      orders: orders.map((order) => ({
        eventTitle: order.event.title,
        when: order.event.startsAtLocal,
        place: `${order.event.venueName}, ${order.event.city}`,
        organizerName: order.organizerName,
        reference: order.reference,
        ticketCount: order.tickets.length,
        note: noteOf(order),
        url: urls.get(order.id) ?? "",
      })),
    };
    const { id } = await queueEmail({ to: email, template: ORDER_LINKS_TEMPLATE, props }, { db: tx });
    return { outboxId: id, orders: orders.length };
  });
}

export const sendOrderLinksJob = defineJob({
  name: "orders.send-links",
  payload: z.object({ email: emailSchema }),
  maxAttempts: 5,
  handler: async ({ email }) => {
    await sendOrderLinks(email);
  },
});
