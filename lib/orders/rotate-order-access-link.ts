// Replaces an order's access link: the old link stops opening the order (404) and the new one is emailed to
// the buyer, never answered to the caller — so a leaked link, once rotated by anyone, is worth nothing.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderAccessActor } from "@/lib/orders/order-access-actor";
import { moveToNextLinkVersion } from "@/lib/orders/order-link-for-email";
import { queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { resolveOrderAccess, type OrderAccessRequest } from "@/lib/orders/resolve-order-access";

/**
 * For the holder of the current link or a signed-in owner/manager (resolveOrderAccess, checked under the
 * order's lock so two rotations cannot both use one link); anyone else: 404. One transaction: the next link
 * version (orderAccessTokenFor), the confirmation email carrying the new link (queued, sent by the email job)
 * and an `order.access_link_rotated` audit row. An order without passes to send (not paid) → 409, nothing written.
 */
export async function rotateOrderAccessLink(request: OrderAccessRequest): Promise<{ emailed: true }> {
  if (request.orderId.length === 0 || request.orderId.length > 64)
    throw AppError.notFound("Order not found.");
  // The session is read before the transaction: inside it, a lookup on another connection would wait for the
  // one this transaction holds wherever connections are scarce (the embedded database has one).
  const userId = typeof request.userId === "function" ? await request.userId() : request.userId;
  return db.$transaction(async (tx) => {
    await lockOrder(tx, request.orderId);
    const access = await resolveOrderAccess({ ...request, userId }, { db: tx });
    if (!access) throw AppError.notFound("Order not found.");
    const { accessLinkVersion } = await tx.order.findUniqueOrThrow({
      where: { id: access.orderId, organizerId: access.organizerId },
      select: { accessLinkVersion: true },
    });
    const fresh = await moveToNextLinkVersion(tx, access.orderId, accessLinkVersion);
    await queueOrderConfirmation(tx, access.orderId, { accessToken: fresh.token, force: true });
    await recordAudit(tx, {
      organizerId: access.organizerId,
      ...orderAccessActor(access),
      action: "order.access_link_rotated",
      entityType: "order",
      entityId: access.orderId,
    });
    return { emailed: true as const };
  });
}
