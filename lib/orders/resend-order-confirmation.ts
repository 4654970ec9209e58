// "Email my tickets again": the confirmation, queued once more for the order's buyer. The link in it stays
// the one the buyer has (unlike rotateOrderAccessLink, nothing is invalidated).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderAccessActor } from "@/lib/orders/order-access-actor";
import { queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { resolveOrderAccess, type OrderAccessRequest } from "@/lib/orders/resolve-order-access";
import { consumeRateLimit, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

/** Per order, whoever asks: the confirmation goes to one inbox, so this bounds what lands there. */
export const RESEND_CONFIRMATION_LIMIT = {
  limit: 3,
  windowMs: 60 * 60_000,
} as const satisfies RateLimitRule;

/**
 * For the holder of the order's link or a signed-in owner/manager (resolveOrderAccess); anyone else: 404,
 * counted against nothing. Then the order's limit (429 with Retry-After), then one transaction: access checked
 * again under the order's lock (a rotation in between leaves the old link with nothing), the confirmation
 * queued with `force` (its outbox check would otherwise return the first message and send nothing) and an
 * `order.confirmation_resent` audit row. A buyer's email links to the page they came from (their token); a
 * team member's to the order's current link. An order with no passes to send → 409.
 */
export async function resendOrderConfirmation(request: OrderAccessRequest): Promise<{ emailed: true }> {
  if (request.orderId.length === 0 || request.orderId.length > 64)
    throw AppError.notFound("Order not found.");
  // The session is read once, before the transaction (see rotateOrderAccessLink).
  const userId = typeof request.userId === "function" ? await request.userId() : request.userId;
  const first = await resolveOrderAccess({ ...request, userId });
  if (!first) throw AppError.notFound("Order not found.");
  const limit = await consumeRateLimit(`order-resend:${first.orderId}`, RESEND_CONFIRMATION_LIMIT);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      `These tickets were emailed ${RESEND_CONFIRMATION_LIMIT.limit} times in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  return db.$transaction(async (tx) => {
    await lockOrder(tx, first.orderId);
    const access = await resolveOrderAccess({ ...request, userId }, { db: tx });
    if (!access) throw AppError.notFound("Order not found.");
    await queueOrderConfirmation(tx, access.orderId, {
      force: true,
      accessToken: access.via === "token" ? (request.token ?? undefined) : undefined,
    });
    await recordAudit(tx, {
      organizerId: access.organizerId,
      ...orderAccessActor(access),
      action: "order.confirmation_resent",
      entityType: "order",
      entityId: access.orderId,
    });
    return { emailed: true as const };
  });
}
