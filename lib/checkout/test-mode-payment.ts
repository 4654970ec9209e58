// The built-in stand-in for Stripe Checkout when no Stripe keys are set: the buyer sees the same totals and
// chooses to pay, cancel or have the payment declined; we then emit the Stripe-format event Stripe would
// send, signed with the test-mode webhook secret, to the real webhook route over HTTP. So the demo and the
// browser tests run the real pipeline: signature check, event store, job, handler.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findOrderByAccessToken, orderPassesUrl } from "@/lib/orders/order-access-token";
import {
  buildTestModeCheckoutEvent,
  testModeCheckoutOrderSelect,
  type TestPaymentOutcome,
} from "@/lib/checkout/test-mode-checkout-event";
import { isStripeTestMode } from "@/lib/payments/stripe-client";
import { signTestModeWebhook } from "@/lib/payments/webhook-secrets";

export type { TestPaymentOutcome };

export function testModePaymentUrl(orderId: string, token: string): string {
  const url = new URL(`/tickets/dev/pay/${encodeURIComponent(orderId)}`, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

export function assertTestModePayments(): void {
  if (!isStripeTestMode()) throw AppError.notFound();
}

/** The order as the test-mode payment page shows it (only for the buyer holding the token). */
export async function getTestModePayment(orderId: string, token: string | undefined) {
  assertTestModePayments();
  const access = await findOrderByAccessToken(orderId, token);
  if (!access) throw AppError.notFound("Order not found.");
  return db.order.findUniqueOrThrow({
    where: { id: access.id },
    select: {
      id: true,
      status: true,
      paidAt: true,
      currency: true,
      buyerEmail: true,
      subtotalMinor: true,
      discountMinor: true,
      feeMinor: true,
      taxMinor: true,
      totalMinor: true,
      taxLines: true,
      expiresAt: true,
      event: { select: { title: true, slug: true } },
      organizer: { select: { name: true } },
      items: { select: { id: true, tierName: true, quantity: true, unitPriceMinor: true, totalMinor: true } },
    },
  });
}

/**
 * Emits the event for the buyer's choice to `origin`'s webhook route and says where the buyer goes next.
 * The webhook answers fast; the order changes when the job has run (the passes page polls for it).
 */
export async function completeTestModePayment(input: {
  orderId: string;
  token: string;
  outcome: TestPaymentOutcome;
  origin: string;
}): Promise<{ redirect: string }> {
  assertTestModePayments();
  const access = await findOrderByAccessToken(input.orderId, input.token);
  if (!access) throw AppError.notFound("Order not found.");
  const order = await db.order.findUniqueOrThrow({
    where: { id: access.id },
    select: { ...testModeCheckoutOrderSelect, status: true, event: { select: { slug: true } } },
  });
  const passes = orderPassesUrl(order.id, input.token);
  if (order.status !== "pending") {
    if (order.status === "paid") return { redirect: passes };
    throw AppError.conflict("This order is no longer waiting for payment.");
  }
  if (!order.stripeCheckoutSessionId) throw AppError.conflict("This order has no payment session.");

  const { payload, endpoint } = buildTestModeCheckoutEvent(
    { ...order, stripeCheckoutSessionId: order.stripeCheckoutSessionId },
    input.outcome,
  );
  const direct = endpoint === "connect";
  const response = await fetch(
    new URL(direct ? "/api/tickets/webhooks/stripe-connect" : "/api/tickets/webhooks/stripe", input.origin),
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": await signTestModeWebhook(payload, endpoint),
      },
      body: payload,
    },
  );
  if (!response.ok) throw new Error(`the webhook route answered ${response.status}`);
  const eventPage = new URL(`/tickets/e/${order.event.slug}`, env.APP_URL);
  eventPage.searchParams.set("checkout", input.outcome === "cancel" ? "cancelled" : "failed");
  return { redirect: input.outcome === "pay" ? passes : eventPage.toString() };
}
