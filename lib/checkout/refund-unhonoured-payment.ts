// A payment landed that we cannot honour: the seats were sold after its holds lapsed, the order was
// cancelled, the event was cancelled or has ended. The money goes back through THE refund path, like every
// other refund: a pending Refund row for what was paid and its refunds.submit job (Stripe, or the test-mode
// events), then the refund webhooks and applyRefund. The order records that the payment landed (paidAt,
// Stripe's ids) and ends `cancelled` until the refund applies (then `refunded`); the buyer gets an apology
// now and the refund email when the money has moved. Call inside the transaction that locked the order.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import type { UnhonouredReason } from "@/lib/email/templates/late-payment-refund";
import { env } from "@/lib/env";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { formatMoney } from "@/lib/money/format-money";
import { submitRefundJob, submitRefundSingletonKey } from "@/lib/refunds/submit-refund-job";

export type { UnhonouredReason };

export interface UnhonouredPayment {
  order: {
    id: string;
    organizerId: string;
    currency: string;
    buyerEmail: string;
    buyerName: string;
    cancelledAt: Date | null;
    event: { title: string; slug: string };
  };
  /** What the buyer paid (Stripe's amount_total). */
  amountMinor: number;
  stripeIds: { stripeCheckoutSessionId: string; stripePaymentIntentId: string | null };
  reason: UnhonouredReason;
}

const REFUND_REASON: Record<UnhonouredReason, string> = {
  sold_out: "Payment arrived after the seats were sold",
  event_cancelled: "Payment arrived after the event was cancelled",
  event_ended: "Payment arrived after the event ended",
  order_cancelled: "Payment arrived for a cancelled order",
};

export async function refundUnhonouredPayment(
  tx: Db,
  payment: UnhonouredPayment,
  now: Date,
): Promise<{ refundId: string }> {
  const { order, amountMinor, stripeIds, reason } = payment;
  await tx.order.update({
    where: { id: order.id },
    data: { status: "cancelled", cancelledAt: order.cancelledAt ?? now, paidAt: now, ...stripeIds },
  });
  await releaseHolds(tx, order.id);
  const refund = await tx.refund.create({
    data: {
      organizerId: order.organizerId,
      orderId: order.id,
      amountMinor,
      reason: REFUND_REASON[reason],
      status: "pending",
      ticketIds: [],
    },
    select: { id: true },
  });
  await enqueueJob(
    submitRefundJob,
    { refundId: refund.id, source: reason === "event_cancelled" ? "event_cancelled" : "late_payment" },
    { db: tx, singletonKey: submitRefundSingletonKey(refund.id) },
  );
  await queueEmail(
    {
      to: order.buyerEmail,
      template: "late-payment-refund",
      props: {
        buyerName: order.buyerName,
        eventTitle: order.event.title,
        amount: formatMoney(amountMinor, order.currency),
        reason,
        eventUrl: new URL(`/tickets/e/${order.event.slug}`, env.APP_URL).toString(),
      },
      organizerId: order.organizerId,
      orderId: order.id,
    },
    { db: tx },
  );
  await recordAudit(tx, {
    organizerId: order.organizerId,
    actorType: "stripe",
    action: "order.late_payment_refunded",
    entityType: "order",
    entityId: order.id,
    data: { reason, refundId: refund.id, amountMinor, ...stripeIds },
  });
  return { refundId: refund.id };
}
