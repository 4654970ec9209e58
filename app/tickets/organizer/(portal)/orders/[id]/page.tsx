import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { ui } from "@/components/ui/styles";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { getOrderTimeline } from "@/lib/audit/get-order-timeline";
import { isAppError } from "@/lib/errors";
import { orderReference } from "@/lib/orders/order-summary";
import { getOrganizerOrder } from "@/lib/refunds/get-organizer-order";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order" };

export default async function OrganizerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: `/tickets/organizer/orders/${encodeURIComponent(id)}`,
  });
  const order = await getOrganizerOrder(organizer.id, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href="/tickets/organizer/orders">← Orders</Link>
      </p>
      <h1>
        Order{" "}
        <span className="font-mono" data-testid="order-reference">
          {orderReference(order.id)}
        </span>
      </h1>
      <OrderDetail initialOrder={order} />
      <OrderTimeline
        orderId={order.id}
        timeZone={organizer.timezone}
        initialEntries={await getOrderTimeline(organizer.id, order.id)}
      />
    </main>
  );
}
