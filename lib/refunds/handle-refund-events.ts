// refund.created / refund.updated / refund.failed / charge.refunded → applyRefund or markRefundFailed.
// The payload is a pointer: with Stripe keys the refund (or the charge's refunds) is re-fetched.
//
// Ordering choice: an event about a payment whose order is not paid yet (the refund arrived before
// checkout.session.completed was processed) THROWS, so the queue retries it with backoff until the order is
// paid; by then the same refund converges exactly as if the events had come in order. A refund whose
// metadata names an order we do not have is a permanent failure (the event ends `failed` at once, visible);
// one about a payment we cannot match to any order is retried a few times (its checkout may still be on its
// way), then ignored. Duplicates are no-ops: applyRefund is idempotent per Stripe refund id.
import "server-only";
import type Stripe from "stripe";
import { PermanentJobError } from "@/lib/jobs/define-job";
import { applyRefund, type RefundSource } from "@/lib/refunds/apply-refund";
import { findOrderForPayment, idOf, isSettledOrder } from "@/lib/refunds/find-order-for-payment";
import { markRefundFailed } from "@/lib/refunds/mark-refund-failed";
import type { WebhookHandlerContext } from "@/lib/webhooks/handlers";

/** Attempts after which a refund for a payment we cannot match at all is ignored. */
const UNKNOWN_PAYMENT_ATTEMPTS = 4;

const SOURCES = new Set<RefundSource>(["organizer", "admin", "event_cancelled", "late_payment"]);

function accountOptions(account: string | undefined | null): Stripe.RequestOptions | undefined {
  return account ? { stripeAccount: account } : undefined;
}

/** Applies one Stripe refund object (already the truth: re-fetched or from test mode). */
export async function convergeStripeRefund(
  refund: Stripe.Refund,
  ctx: Pick<WebhookHandlerContext, "attempt" | "ignore">,
): Promise<void> {
  const metadata = refund.metadata ?? {};
  const refundId = metadata.refund_id ?? null;
  const paymentIntentId = idOf(refund.payment_intent);
  const order = await findOrderForPayment({
    orderId: metadata.order_id ?? null,
    paymentIntentId,
    chargeId: idOf(refund.charge),
  });
  if (!order) {
    if (metadata.order_id) {
      throw new PermanentJobError(
        `refund ${refund.id} names order ${metadata.order_id}, which does not exist or took another payment`,
      );
    }
    if (ctx.attempt >= UNKNOWN_PAYMENT_ATTEMPTS) {
      return ctx.ignore(`no order for payment ${paymentIntentId ?? "unknown"}`);
    }
    throw new Error(`no order for refund ${refund.id} yet; retrying (its checkout may not be processed)`);
  }
  if (!isSettledOrder(order)) {
    throw new Error(`order ${order.id} is ${order.status}, not paid yet; retrying refund ${refund.id}`);
  }
  switch (refund.status) {
    case "succeeded": {
      const declared = metadata.source as RefundSource | undefined;
      await applyRefund({
        orderId: order.id,
        stripeRefundId: refund.id,
        refundId,
        amountMinor: refund.amount,
        source: refundId ? (declared && SOURCES.has(declared) ? declared : "organizer") : "stripe_dashboard",
      });
      return;
    }
    case "failed":
    case "canceled": {
      const changed = await markRefundFailed(
        { refundId, stripeRefundId: refund.id },
        refund.failure_reason ? `Stripe: ${refund.failure_reason}` : `Stripe: refund ${refund.status}`,
      );
      if (!changed) ctx.ignore(`refund ${refund.id} not pending with us`);
      return;
    }
    default:
      return ctx.ignore(`refund ${refund.id} is ${refund.status ?? "unknown"}; waiting for its outcome`);
  }
}

export async function handleRefundEvent(
  event: Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const refund = ctx.stripe
    ? await ctx.stripe.refunds.retrieve(event.data.object.id, {}, accountOptions(event.account))
    : event.data.object;
  await convergeStripeRefund(refund, ctx);
}

/**
 * charge.refunded: every refund of the charge (a dashboard refund has no Refund row of ours; this creates
 * it). With keys the charge's refunds are listed from Stripe (newer API versions do not embed them).
 */
export async function handleChargeRefunded(
  event: Stripe.ChargeRefundedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const charge = event.data.object;
  const refunds = ctx.stripe
    ? (await ctx.stripe.refunds.list({ charge: charge.id, limit: 100 }, accountOptions(event.account))).data
    : (charge.refunds?.data ?? []);
  if (refunds.length === 0) return ctx.ignore(`charge ${charge.id} lists no refunds`);
  let ignored = 0;
  for (const refund of refunds) {
    const withCharge = { ...refund, charge: refund.charge ?? charge.id } as Stripe.Refund;
    if (!withCharge.payment_intent && charge.payment_intent) {
      withCharge.payment_intent = charge.payment_intent;
    }
    await convergeStripeRefund(withCharge, {
      attempt: ctx.attempt,
      ignore: () => {
        ignored += 1;
      },
    });
  }
  if (ignored === refunds.length) ctx.ignore(`no refund of charge ${charge.id} is final yet`);
}
