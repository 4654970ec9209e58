import type { Metadata } from "next";
import { OrderList } from "@/components/orders/order-list";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { parseInput } from "@/lib/errors";
import { listOrganizerEvents } from "@/lib/events/list-organizer-events";
import { listOrganizerOrders, orderListQuerySchema } from "@/lib/refunds/list-organizer-orders";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders" };

export default async function OrganizerOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/orders",
  });
  const raw = await searchParams;
  const { eventId } = parseInput(orderListQuerySchema, {
    eventId: typeof raw.eventId === "string" && raw.eventId !== "" ? raw.eventId : undefined,
  });
  const [orders, events] = await Promise.all([
    listOrganizerOrders(organizer.id, { eventId }),
    listOrganizerEvents(organizer.id),
  ]);
  return (
    <main className="container stack">
      <h1 style={{ margin: 0 }}>Orders</h1>
      <OrderList
        orders={orders}
        events={events.map((e) => ({ id: e.id, title: e.title }))}
        eventId={eventId}
      />
    </main>
  );
}
