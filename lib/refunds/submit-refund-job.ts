// refunds.submit: sends one pending Refund to Stripe: R to the buyer, with neither of Stripe's pro-rata
// flags (stripe.md §1.6): destination → on the platform, direct → on the connected account (stripeAccount).
// What the organizer and the platform each give back (R − F and F, from the allocation stored on the
// Refund row; planned here for rows created without one, e.g. a late payment's refund of the whole charge)
// is moved exactly by refunds.settle once the refund succeeded. Idempotency key `refund:<refundId>`, so a
// retry after a timeout never refunds twice. Stripe unreachable (network / 5xx / rate limit) → the job throws and the
// queue retries with backoff (the refund stays pending, the portal says so); on the last attempt the refund
// ends failed with the reason. A permanent refusal (StripeInvalidRequestError, 4xx) → failed at once with
// Stripe's message. The outcome itself arrives by webhook (refund.updated / charge.refunded); a refund
// Stripe reports succeeded right away is applied at once (applyRefund is idempotent, the webhook is then a
// no-op). In test mode the matching signed events are emitted to our webhook route.
import "server-only";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import type { RefundAllocation } from "@/lib/money/allocate-refund";
import { PricingError } from "@/lib/money/pricing-error";
import { lockOrder } from "@/lib/orders/lock-order";
import { getStripe } from "@/lib/payments/stripe-client";
import { applyRefund, type RefundSource } from "@/lib/refunds/apply-refund";
import { emitTestModeRefundEvents } from "@/lib/refunds/emit-test-mode-refund-events";
import { markRefundFailed } from "@/lib/refunds/mark-refund-failed";
import { planOrderRefund, refundableItemsSelect } from "@/lib/refunds/refund-allocation";

export const SUBMIT_REFUND_MAX_ATTEMPTS = 10;

export const submitRefundJob = defineJob({
  name: "refunds.submit",
  payload: z.object({ refundId: z.string().min(1).max(100), source: z.string().max(40).optional() }),
  maxAttempts: SUBMIT_REFUND_MAX_ATTEMPTS,
  async handler({ refundId, source }, ctx) {
    const refund = await db.refund.findUnique({
      where: { id: refundId },
      select: {
        id: true,
        status: true,
        amountMinor: true,
        ticketIds: true,
        applicationFeeMinor: true,
        stripeRefundId: true,
        order: {
          select: {
            id: true,
            currency: true,
            totalMinor: true,
            refundedMinor: true,
            chargeType: true,
            stripeAccountId: true,
            stripePaymentIntentId: true,
            stripeChargeId: true,
          },
        },
      },
    });
    if (!refund) throw new PermanentJobError(`refund ${refundId} not found`);
    if (refund.status !== "pending") return;
    const { order } = refund;
    if (refund.applicationFeeMinor === null && !(await planStoredRefund(refund.id))) {
      await markRefundFailed({ refundId }, "The refund cannot be split over this order's amounts.");
      return;
    }
    const refundSource: RefundSource =
      source === "event_cancelled" || source === "admin" || source === "late_payment" ? source : "organizer";
    const metadata = { refund_id: refund.id, order_id: order.id, source: refundSource };
    const stripe = getStripe();

    if (!stripe) {
      const stripeRefundId = refund.stripeRefundId ?? `re_test_${randomBytes(12).toString("hex")}`;
      if (!refund.stripeRefundId) {
        await db.refund.updateMany({
          where: { id: refund.id, stripeRefundId: null },
          data: { stripeRefundId },
        });
      }
      await emitTestModeRefundEvents({
        stripeRefundId,
        refundId: refund.id,
        orderId: order.id,
        source: refundSource,
        amountMinor: refund.amountMinor,
        currency: order.currency,
        paymentIntentId: order.stripePaymentIntentId,
        chargeId: order.stripeChargeId,
        previouslyRefundedMinor: order.refundedMinor,
        chargeAmountMinor: order.totalMinor,
        direct: order.chargeType === "direct",
        stripeAccountId: order.stripeAccountId,
      });
      return;
    }

    if (!order.stripePaymentIntentId && !order.stripeChargeId) {
      await markRefundFailed({ refundId }, "This order has no Stripe payment to refund.");
      return;
    }
    const direct = order.chargeType === "direct";
    let created: Stripe.Refund;
    try {
      created = await stripe.refunds.create(
        {
          ...(order.stripePaymentIntentId
            ? { payment_intent: order.stripePaymentIntentId }
            : { charge: order.stripeChargeId ?? undefined }),
          amount: refund.amountMinor,
          reason: "requested_by_customer",
          metadata,
        },
        {
          idempotencyKey: `refund:${refund.id}`,
          ...(direct && order.stripeAccountId ? { stripeAccount: order.stripeAccountId } : {}),
        },
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        await markRefundFailed({ refundId }, `Stripe: ${error.message}`);
        ctx.log.warn({ event: "tickets.refunds.refused", refundId, err: error.message }, "refund refused");
        return;
      }
      if (ctx.attempt >= ctx.maxAttempts) {
        await markRefundFailed(
          { refundId },
          `Stripe could not be reached after ${ctx.attempt} attempts. Try the refund again.`,
        );
      }
      throw error;
    }
    await db.refund.updateMany({
      where: { id: refund.id, stripeRefundId: null },
      data: { stripeRefundId: created.id },
    });
    if (created.status === "succeeded") {
      await applyRefund({
        orderId: order.id,
        stripeRefundId: created.id,
        refundId: refund.id,
        amountMinor: created.amount,
        source: refundSource,
      });
    } else if (created.status === "failed" || created.status === "canceled") {
      await markRefundFailed(
        { refundId, stripeRefundId: created.id },
        `Stripe: ${created.failure_reason ?? created.status}`,
      );
    }
    ctx.log.info({ event: "tickets.refunds.submitted", refundId, stripeRefundId: created.id }, "refund sent");
  },
});

/**
 * Plans (allocates) a pending refund that was created without an allocation, after the refunds made or
 * reserved before it, and stores it. False when the order's stored amounts do not allow one.
 */
async function planStoredRefund(refundId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const refund = await tx.refund.findUniqueOrThrow({
      where: { id: refundId },
      select: { orderId: true, amountMinor: true, ticketIds: true, createdAt: true },
    });
    await lockOrder(tx, refund.orderId);
    const order = await tx.order.findUniqueOrThrow({
      where: { id: refund.orderId },
      select: {
        currency: true,
        totalMinor: true,
        items: refundableItemsSelect,
        tickets: { select: { id: true, tierId: true } },
        refunds: {
          where: { id: { not: refundId }, status: { not: "failed" }, createdAt: { lte: refund.createdAt } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { amountMinor: true, ticketIds: true, allocation: true },
        },
      },
    });
    let allocation: RefundAllocation;
    try {
      allocation = planOrderRefund(order, { ticketIds: refund.ticketIds, amountMinor: refund.amountMinor });
    } catch (error) {
      if (error instanceof PricingError) return false;
      throw error;
    }
    await tx.refund.update({
      where: { id: refundId },
      data: {
        allocation: allocation as unknown as Prisma.InputJsonValue,
        applicationFeeMinor: allocation.applicationFeeMinor,
      },
    });
    return true;
  });
}

export function submitRefundSingletonKey(refundId: string): string {
  return `refund-submit:${refundId}`;
}
