import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { ui } from "@/components/ui/styles";
import { getAdminOrder } from "@/lib/admin/get-admin-order";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { orderReference } from "@/lib/orders/order-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order (admin)" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const order = await getAdminOrder(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href={`/tickets/admin/events/${order.event.id}`}>← {order.event.title}</Link>
      </p>
      <h1>
        Order{" "}
        <span className="font-mono" data-testid="order-reference">
          {orderReference(order.id)}
        </span>
      </h1>
      <OrderDetail initialOrder={order} admin />
    </main>
  );
}
