// checkout.expire-session: closes the Stripe Checkout Session of an order we cancelled while its buyer could
// still pay (the event was cancelled), so the payment page stops taking money. Stripe answers an error for a
// session that is no longer open (paid or expired meanwhile): nothing left to close, and a payment that got
// through is refunded when its webhook arrives (fulfillOrder). In test mode there is no Stripe session: the
// built-in payment page already refuses an order that is not pending.
import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { getStripe } from "@/lib/payments/stripe-client";

export const expireCheckoutSessionJob = defineJob({
  name: "checkout.expire-session",
  payload: z.object({ orderId: z.string().min(1).max(100) }),
  maxAttempts: 10,
  async handler({ orderId }, ctx) {
    const stripe = getStripe();
    if (!stripe) return;
    const order = await db.order.findUnique({
      where: { id: orderId },
      select: { status: true, chargeType: true, stripeAccountId: true, stripeCheckoutSessionId: true },
    });
    if (!order?.stripeCheckoutSessionId || order.status !== "cancelled") return;
    try {
      await stripe.checkout.sessions.expire(
        order.stripeCheckoutSessionId,
        {},
        {
          idempotencyKey: `checkout:expire:${orderId}`,
          ...(order.chargeType === "direct" && order.stripeAccountId
            ? { stripeAccount: order.stripeAccountId }
            : {}),
        },
      );
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      ctx.log.info(
        { event: "tickets.checkout.session_not_open", orderId, err: error.message },
        "checkout session was no longer open",
      );
      return;
    }
    ctx.log.info({ event: "tickets.checkout.session_expired", orderId }, "checkout session expired");
  },
});

export function expireCheckoutSessionKey(orderId: string): string {
  return `checkout-expire:${orderId}`;
}
