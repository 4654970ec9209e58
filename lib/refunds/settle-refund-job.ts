// refunds.settle: after a refund we sent reached the buyer (applyRefund enqueues this), moves exactly the
// allocated amounts between the organizer and the platform (stripe.md §1.6). R = the refund, F = its
// platform part (Refund.applicationFeeMinor, from the allocation):
//   destination charge (the refund was debited from the platform): reverse R of the organizer's transfer,
//     then refund F of the application fee → organizer −(R − F), platform −F;
//   direct charge (the refund was debited from the organizer): refund F of the application fee → organizer
//     −(R − F), platform −F.
// The transfer and fee ids come from the payment intent's latest charge, read once and kept on the order.
// Each step has its own idempotency key derived from our refund id and is recorded on the Refund row when
// it succeeds, so a retry only redoes what is missing. Stripe unreachable → the job retries with backoff
// (the buyer already has the money); a refusal (4xx) or the last attempt leaves settlementError on the
// Refund and an audit entry, visible to the organizer and the platform. Test mode (no keys) records
// test-mode ids for the same steps.
import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Prisma } from "@/lib/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { getStripe } from "@/lib/payments/stripe-client";
import { idOf } from "@/lib/refunds/find-order-for-payment";

export const SETTLE_REFUND_MAX_ATTEMPTS = 12;

/** A step Stripe (or the stored order) says can never succeed. */
class SettlementRefused extends Error {}

const refundSelect = {
  id: true,
  organizerId: true,
  status: true,
  amountMinor: true,
  applicationFeeMinor: true,
  stripeRefundId: true,
  stripeTransferReversalId: true,
  transferReversedMinor: true,
  stripeApplicationFeeRefundId: true,
  applicationFeeRefundedMinor: true,
  settledAt: true,
  settlementError: true,
  order: {
    select: {
      id: true,
      chargeType: true,
      stripeAccountId: true,
      stripePaymentIntentId: true,
      stripeTransferId: true,
      stripeApplicationFeeId: true,
    },
  },
} as const satisfies Prisma.RefundSelect;

type SettlingRefund = Prisma.RefundGetPayload<{ select: typeof refundSelect }>;

export const settleRefundJob = defineJob({
  name: "refunds.settle",
  payload: z.object({ refundId: z.string().min(1).max(100) }),
  maxAttempts: SETTLE_REFUND_MAX_ATTEMPTS,
  async handler({ refundId }, ctx) {
    const refund = await db.refund.findUnique({ where: { id: refundId }, select: refundSelect });
    if (!refund) throw new PermanentJobError(`refund ${refundId} not found`);
    const platformPart = refund.applicationFeeMinor;
    if (
      refund.status !== "succeeded" ||
      platformPart === null ||
      refund.settledAt ||
      refund.settlementError
    ) {
      return;
    }
    const stripe = getStripe();
    try {
      if (stripe) await settleWithStripe(stripe, refund, platformPart);
      else await settleInTestMode(refund, platformPart);
    } catch (error) {
      const refused =
        error instanceof SettlementRefused || error instanceof Stripe.errors.StripeInvalidRequestError;
      if (refused || ctx.attempt >= ctx.maxAttempts) {
        const reason = refused
          ? `${error instanceof SettlementRefused ? "" : "Stripe: "}${error.message}`
          : `Stripe could not be reached after ${ctx.attempt} attempts.`;
        await recordSettlementFailure(refund, reason);
        ctx.log.warn({ event: "tickets.refunds.settlement_failed", refundId, reason }, "refund not settled");
        if (refused) return;
      }
      throw error;
    }
    await db.$transaction(async (tx) => {
      const settled = await tx.refund.update({
        where: { id: refund.id },
        data: { settledAt: new Date() },
        select: {
          stripeTransferReversalId: true,
          transferReversedMinor: true,
          stripeApplicationFeeRefundId: true,
          applicationFeeRefundedMinor: true,
        },
      });
      await recordAudit(tx, {
        organizerId: refund.organizerId,
        actorType: "stripe",
        action: "refund.settled",
        entityType: "order",
        entityId: refund.order.id,
        data: {
          refundId: refund.id,
          buyerMinor: refund.amountMinor,
          organizerMinor: refund.amountMinor - platformPart,
          platformMinor: platformPart,
          ...settled,
        },
      });
    });
    ctx.log.info({ event: "tickets.refunds.settled", refundId }, "refund settled between the parties");
  },
});

async function settleWithStripe(stripe: Stripe, refund: SettlingRefund, platformPart: number): Promise<void> {
  const { order } = refund;
  const destination = order.chargeType === "destination";
  const metadata = { refund_id: refund.id, order_id: order.id };
  let { stripeTransferId: transferId, stripeApplicationFeeId: feeId } = order;
  const needsTransfer = destination && !refund.stripeTransferReversalId && !transferId;
  const needsFee = platformPart > 0 && !refund.stripeApplicationFeeRefundId && !feeId;
  if (needsTransfer || needsFee) {
    if (!order.stripePaymentIntentId) throw new SettlementRefused("The order has no Stripe payment.");
    const intent = await stripe.paymentIntents.retrieve(
      order.stripePaymentIntentId,
      { expand: ["latest_charge"] },
      !destination && order.stripeAccountId ? { stripeAccount: order.stripeAccountId } : undefined,
    );
    const charge = intent.latest_charge;
    if (!charge || typeof charge === "string") {
      throw new SettlementRefused(`Stripe returned no charge for ${order.stripePaymentIntentId}.`);
    }
    transferId = idOf(charge.transfer);
    feeId = idOf(charge.application_fee);
    await db.order.update({
      where: { id: order.id },
      data: { stripeChargeId: charge.id, stripeTransferId: transferId, stripeApplicationFeeId: feeId },
    });
  }
  if (destination && !refund.stripeTransferReversalId) {
    if (!transferId) throw new SettlementRefused("The charge has no transfer to the organizer to reverse.");
    const reversal = await stripe.transfers.createReversal(
      transferId,
      { amount: refund.amountMinor, metadata },
      { idempotencyKey: `refund:${refund.id}:transfer-reversal` },
    );
    await db.refund.update({
      where: { id: refund.id },
      data: { stripeTransferReversalId: reversal.id, transferReversedMinor: reversal.amount },
    });
  }
  if (platformPart > 0 && !refund.stripeApplicationFeeRefundId) {
    if (!feeId) throw new SettlementRefused("The charge has no application fee to refund.");
    const feeRefund = await stripe.applicationFees.createRefund(
      feeId,
      { amount: platformPart, metadata },
      { idempotencyKey: `refund:${refund.id}:application-fee` },
    );
    await db.refund.update({
      where: { id: refund.id },
      data: { stripeApplicationFeeRefundId: feeRefund.id, applicationFeeRefundedMinor: feeRefund.amount },
    });
  }
}

/** No money moved in test mode: the same steps are recorded with test-mode ids. */
async function settleInTestMode(refund: SettlingRefund, platformPart: number): Promise<void> {
  await db.refund.update({
    where: { id: refund.id },
    data: {
      ...(refund.order.chargeType === "destination"
        ? { stripeTransferReversalId: `trr_test_${refund.id}`, transferReversedMinor: refund.amountMinor }
        : {}),
      ...(platformPart > 0
        ? { stripeApplicationFeeRefundId: `fr_test_${refund.id}`, applicationFeeRefundedMinor: platformPart }
        : {}),
    },
  });
}

async function recordSettlementFailure(refund: SettlingRefund, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.refund.update({
      where: { id: refund.id },
      data: { settlementError: reason.slice(0, 1000) },
    });
    await recordAudit(tx, {
      organizerId: refund.organizerId,
      actorType: "stripe",
      action: "refund.settlement_failed",
      entityType: "order",
      entityId: refund.order.id,
      data: { refundId: refund.id, reason, platformMinor: refund.applicationFeeMinor },
    });
  });
}

export function settleRefundSingletonKey(refundId: string): string {
  return `refund-settle:${refundId}`;
}
