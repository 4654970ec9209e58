// Refunds a payment that could not be honoured (it arrived after the seats were sold). With Stripe keys the
// refund goes through Stripe with the flags of the order's charge type; the refund webhook then confirms
// it. In test mode no money moved, so the refund is recorded as done at once.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { getStripe } from "@/lib/payments/stripe-client";

export const refundLatePaymentJob = defineJob({
  name: "orders.refund-late-payment",
  payload: z.object({ orderId: z.string().min(1) }),
  maxAttempts: 10,
  async handler({ orderId }, ctx) {
    const order = await db.order.findUnique({
      where: { id: orderId },
      select: {
        organizerId: true,
        status: true,
        totalMinor: true,
        chargeType: true,
        stripeAccountId: true,
        stripePaymentIntentId: true,
        refunds: { select: { id: true } },
      },
    });
    if (!order) throw new PermanentJobError(`order ${orderId} not found`);
    if (order.refunds.length > 0) return;
    const stripe = getStripe();
    let stripeRefundId: string | null = null;
    if (stripe) {
      if (!order.stripePaymentIntentId) throw new PermanentJobError(`order ${orderId} has no payment intent`);
      const refund = await stripe.refunds.create(
        {
          payment_intent: order.stripePaymentIntentId,
          reason: "requested_by_customer",
          refund_application_fee: true,
          ...(order.chargeType === "destination" ? { reverse_transfer: true } : {}),
          metadata: { order_id: orderId, cause: "late_payment" },
        },
        {
          idempotencyKey: `refund:late:${orderId}`,
          ...(order.chargeType === "direct" && order.stripeAccountId
            ? { stripeAccount: order.stripeAccountId }
            : {}),
        },
      );
      stripeRefundId = refund.id;
    }
    await db.$transaction(async (tx) => {
      await tx.refund.create({
        data: {
          organizerId: order.organizerId,
          orderId,
          amountMinor: order.totalMinor,
          reason: "Payment arrived after the seats were sold",
          status: stripe ? "pending" : "succeeded",
          stripeRefundId,
        },
      });
      if (!stripe) {
        await tx.order.update({
          where: { id: orderId },
          data: { status: "refunded", refundedMinor: order.totalMinor },
        });
      }
      await recordAudit(tx, {
        organizerId: order.organizerId,
        actorType: "system",
        action: stripe ? "refund.requested" : "refund.recorded_test_mode",
        entityType: "order",
        entityId: orderId,
        data: { amountMinor: order.totalMinor, stripeRefundId, cause: "late_payment" },
      });
    });
    ctx.log.info({ event: "tickets.refunds.late_payment", orderId, stripeRefundId }, "late payment refunded");
  },
});
