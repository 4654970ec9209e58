import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getOrganizerOrder } from "@/lib/refunds/get-organizer-order";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";

/** Any organizer's order as its team sees it, for a platform admin (404 when unknown). */
export async function getAdminOrder(orderId: string): Promise<OrganizerOrderDetail> {
  const owner = await db.order.findUnique({ where: { id: orderId }, select: { organizerId: true } });
  if (!owner) throw AppError.notFound("Order not found.");
  return getOrganizerOrder(owner.organizerId, orderId);
}
