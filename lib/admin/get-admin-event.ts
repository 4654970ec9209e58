// One event as a platform admin sees it, whoever organizes it: the organizer, the tiers with sold, held and
// remaining (the one availability definition, lib/inventory), and its latest orders.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAvailability } from "@/lib/inventory/get-availability";
import type { OrderChannelJson, OrderStatusJson } from "@/lib/refunds/organizer-order-view";

export const ADMIN_EVENT_ORDERS = 50;

export interface AdminEvent {
  id: string;
  title: string;
  slug: string;
  status: "draft" | "published" | "cancelled" | "archived";
  startsAt: string;
  endsAt: string;
  timezone: string;
  currency: string;
  capacity: number | null;
  allowRefundsUntil: string | null;
  organizer: { id: string; name: string; slug: string; status: "active" | "suspended"; selfTest: boolean };
  tiers: {
    id: string;
    name: string;
    priceMinor: number;
    capacity: number;
    sold: number;
    held: number;
    remaining: number;
    visibility: "public" | "hidden";
  }[];
  orders: {
    id: string;
    buyerName: string;
    buyerEmail: string;
    status: OrderStatusJson;
    channel: OrderChannelJson;
    totalMinor: number;
    refundedMinor: number;
    createdAt: string;
  }[];
  /** Orders of the event in all (the list shows the latest ADMIN_EVENT_ORDERS). */
  orderCount: number;
}

export async function getAdminEvent(eventId: string): Promise<AdminEvent> {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timezone: true,
      currency: true,
      capacity: true,
      allowRefundsUntil: true,
      organizer: { select: { id: true, name: true, slug: true, status: true, selfTest: true } },
      tiers: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, priceMinor: true, capacity: true, visibility: true },
      },
    },
  });
  if (!event) throw AppError.notFound("Event not found.");
  const availability = await getAvailability(db, event.id);
  const byTier = new Map(availability.tiers.map((t) => [t.tierId, t]));
  const where = { eventId: event.id, organizerId: event.organizer.id };
  const orders = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_EVENT_ORDERS,
    select: {
      id: true,
      buyerName: true,
      buyerEmail: true,
      status: true,
      channel: true,
      totalMinor: true,
      refundedMinor: true,
      createdAt: true,
    },
  });
  const orderCount = await db.order.count({ where });
  return {
    ...event,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    allowRefundsUntil: event.allowRefundsUntil?.toISOString() ?? null,
    tiers: event.tiers.map((tier) => {
      const inventory = byTier.get(tier.id);
      return {
        ...tier,
        sold: inventory?.sold ?? 0,
        held: inventory?.held ?? 0,
        remaining: inventory?.remaining ?? 0,
      };
    }),
    orders: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    orderCount,
  };
}
