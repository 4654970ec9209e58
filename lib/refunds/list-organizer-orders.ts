// The organizer's orders, newest first, optionally for one event. Checkouts that never completed
// (pending, expired) are left out: they are not orders an organizer acts on.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { OrganizerOrderRow } from "@/lib/refunds/organizer-order-view";

export const orderListQuerySchema = z.object({
  eventId: z.string().trim().min(1).max(100).optional(),
});

export async function listOrganizerOrders(
  organizerId: string,
  filter: { eventId?: string } = {},
  limit = 500,
): Promise<OrganizerOrderRow[]> {
  const orders = await db.order.findMany({
    where: {
      organizerId,
      ...(filter.eventId ? { eventId: filter.eventId } : {}),
      status: { in: ["paid", "partially_refunded", "refunded", "cancelled"] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      buyerName: true,
      buyerEmail: true,
      currency: true,
      totalMinor: true,
      refundedMinor: true,
      status: true,
      disputed: true,
      createdAt: true,
      event: { select: { id: true, title: true } },
    },
  });
  return orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() }));
}
