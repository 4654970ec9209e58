// Cancelling an event: status `cancelled` (checkout only sells published events, so sales stop at once),
// every pending order cancelled with its holds released and its Checkout Session expired (a job per order,
// after commit), then a job refunds every paid order (see cancel-event-job). A payment that still gets
// through is refunded when it arrives (fulfillOrder). Progress: n of N orders refunded, refunds pending,
// failures with Stripe's reason; failures are retried by running the job again.
import "server-only";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { cancelEventJobKey, cancelEventRefundsJob } from "@/lib/events/cancel-event-job";
import {
  expireCheckoutSessionJob,
  expireCheckoutSessionKey,
} from "@/lib/checkout/expire-checkout-session-job";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

export interface CancellationFailure {
  orderId: string;
  buyerName: string;
  failureReason: string;
}

export interface CancellationProgress {
  eventId: string;
  status: "draft" | "published" | "cancelled" | "archived";
  cancelledAt: string | null;
  /** Paid orders to refund (N). */
  total: number;
  /** Fully refunded (n). */
  refunded: number;
  /** With a refund waiting for Stripe. */
  pending: number;
  failed: CancellationFailure[];
  /** True while the refund job is queued or running. */
  working: boolean;
  done: boolean;
}

export async function cancelEvent(actor: EventActor, eventId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    // NO KEY UPDATE: checkouts and payments insert rows pointing at the event (a KEY SHARE lock each) while
    // holding their order's row lock; a FOR UPDATE here would deadlock with them on those orders.
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM tickets_events
      WHERE id = ${eventId} AND organizer_id = ${actor.organizerId} FOR NO KEY UPDATE`;
    const status = locked[0]?.status;
    if (!status) throw AppError.notFound("Event not found.");
    if (status === "cancelled") throw AppError.conflict("This event is already cancelled.");
    if (status === "archived") throw AppError.conflict("An archived event cannot be cancelled.");
    await tx.event.update({
      where: { id: eventId, organizerId: actor.organizerId },
      data: { status: "cancelled", cancelledAt: now },
    });
    const cancelledOrders = await cancelPendingOrders(tx, eventId, actor.organizerId, now);
    await queueCancellationRefunds(tx, actor, eventId, {
      action: "event.cancelled",
      data: { from: status, pendingOrdersCancelled: cancelledOrders },
    });
  });
  return getCancellationProgress(actor.organizerId, eventId);
}

/**
 * Buyers still at the payment page: their orders are cancelled, their seats released, and a job per order
 * expires the Checkout Session after commit. Returns how many orders it cancelled.
 */
async function cancelPendingOrders(tx: Db, eventId: string, organizerId: string, now: Date): Promise<number> {
  const pending = await tx.$queryRaw<{ id: string; session: string | null }[]>`
    SELECT id, stripe_checkout_session_id AS session FROM tickets_orders
    WHERE event_id = ${eventId} AND organizer_id = ${organizerId} AND status = 'pending'
    ORDER BY id FOR UPDATE`;
  if (pending.length === 0) return 0;
  const ids = pending.map((o) => o.id);
  await tx.order.updateMany({
    where: { id: { in: ids }, status: "pending" },
    data: { status: "cancelled", cancelledAt: now },
  });
  for (const order of pending) {
    await releaseHolds(tx, order.id);
    if (!order.session) continue;
    await enqueueJob(
      expireCheckoutSessionJob,
      { orderId: order.id },
      { db: tx, singletonKey: expireCheckoutSessionKey(order.id) },
    );
  }
  return pending.length;
}

/** Runs the refund job again for the orders not refunded (failed refunds get a new one). */
export async function retryCancellationRefunds(actor: EventActor, eventId: string) {
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId: actor.organizerId },
    select: { status: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  if (event.status !== "cancelled")
    throw AppError.conflict("Only a cancelled event's refunds can be retried.");
  await db.$transaction((tx) =>
    queueCancellationRefunds(tx, actor, eventId, { action: "event.cancel_refunds_retried" }),
  );
  return getCancellationProgress(actor.organizerId, eventId);
}

/** Queues the refund job (one at a time per event) and records who asked, in the caller's transaction. */
async function queueCancellationRefunds(
  tx: Db,
  actor: EventActor,
  eventId: string,
  audit: Pick<AuditEntry, "action" | "data">,
) {
  await enqueueJob(
    cancelEventRefundsJob,
    { eventId, userId: actor.userId },
    { db: tx, singletonKey: cancelEventJobKey(eventId) },
  );
  await recordAudit(tx, {
    organizerId: actor.organizerId,
    actorUserId: actor.userId,
    actorType: "user",
    entityType: "event",
    entityId: eventId,
    ...audit,
  });
}

export async function getCancellationProgress(
  organizerId: string,
  eventId: string,
): Promise<CancellationProgress> {
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId },
    select: { id: true, status: true, cancelledAt: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  const orders = await db.order.findMany({
    where: { eventId, organizerId, status: { in: ["paid", "partially_refunded", "refunded"] } },
    select: {
      id: true,
      buyerName: true,
      status: true,
      refunds: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { status: true, failureReason: true },
      },
    },
  });
  let refunded = 0;
  let pending = 0;
  const failed: CancellationFailure[] = [];
  for (const order of orders) {
    const latest = order.refunds[0];
    if (order.status === "refunded") refunded += 1;
    else if (latest?.status === "pending") pending += 1;
    else if (latest?.status === "failed") {
      failed.push({
        orderId: order.id,
        buyerName: order.buyerName,
        failureReason: latest.failureReason ?? "Refund failed",
      });
    }
  }
  const working =
    (await db.job.count({
      where: { singletonKey: cancelEventJobKey(eventId), status: { in: ["queued", "running"] } },
    })) > 0;
  return {
    eventId,
    status: event.status,
    cancelledAt: event.cancelledAt?.toISOString() ?? null,
    total: orders.length,
    refunded,
    pending,
    failed,
    working,
    done: event.status === "cancelled" && refunded === orders.length && !working,
  };
}
