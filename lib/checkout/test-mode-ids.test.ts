// Test mode (no Stripe keys) names its Checkout Sessions, payments, charges and events at random: knowing an
// order id (it is in every passes link) tells nobody which session or payment belongs to it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { completeTestModePayment } from "@/lib/checkout/test-mode-payment";
import { db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { emitTestModeRefundEvents } from "@/lib/refunds/emit-test-mode-refund-events";
import { requestRefund } from "@/lib/refunds/request-refund";
import { runJobs, setUpRefundEvent } from "@/lib/refunds/testing";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";

function expectUnrelated(id: string | null | undefined, ours: string[]) {
  expect(id).toBeTruthy();
  for (const own of ours) {
    expect(id).not.toContain(own);
    expect(id).not.toContain(own.replaceAll("-", ""));
  }
}

describe("test-mode Stripe ids", () => {
  const bridge = withWebhookBridge();
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });
  afterEach(restoreEnv);

  it("gives every Checkout Session a random id, not one made from the order id", async () => {
    const { event, ga } = await setUpRefundEvent();
    const checkout = () =>
      createCheckoutSession({
        eventId: event.id,
        items: [{ tierId: ga.id, quantity: 1 }],
        buyer: { email: "fan@example.test", name: "Fan One" },
      });
    const orders = [await checkout(), await checkout()];
    const sessions = await db.order.findMany({
      where: { id: { in: orders.map((o) => o.orderId) } },
      select: { id: true, stripeCheckoutSessionId: true },
    });
    expect(sessions).toHaveLength(2);
    for (const order of sessions) {
      expect(order.stripeCheckoutSessionId).toMatch(/^cs_test_[0-9a-f]{24}$/);
      expectUnrelated(
        order.stripeCheckoutSessionId,
        sessions.map((o) => o.id),
      );
    }
    expect(sessions[0]?.stripeCheckoutSessionId).not.toBe(sessions[1]?.stripeCheckoutSessionId);
  });

  it("names the payment, its charge and every event at random, and re-sends a refund's events under the same ids", async () => {
    const { event, ga, owner, organizer } = await setUpRefundEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 2 }],
      buyer: { email: "fan@example.test", name: "Fan One" },
    });
    await completeTestModePayment({
      orderId,
      token: orderAccessTokenFor(orderId).token,
      outcome: "pay",
      origin: bridge.origin,
    });
    await runJobs();
    const paid = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(paid.status).toBe("paid");
    expect(paid.stripePaymentIntentId).toMatch(/^pi_test_[0-9a-f]{24}$/);
    expectUnrelated(paid.stripePaymentIntentId, [orderId]);

    const refund = await requestRefund(
      { userId: owner.userId, organizerId: organizer.id, isAdmin: false },
      orderId,
      { reason: "Cannot make it" },
    );
    await runJobs();
    const events = await db.webhookEvent.findMany({ orderBy: { receivedAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "refund.created",
      "charge.refunded",
      "refund.updated",
    ]);
    for (const stored of events) expectUnrelated(stored.id, [orderId, refund.id]);
    const charge = events.find((e) => e.type === "charge.refunded")?.payload as {
      data: { object: { id: string } };
    };
    expect(charge.data.object.id).toMatch(/^ch_test_[0-9a-f]{24}$/);
    expectUnrelated(charge.data.object.id, [orderId, refund.id]);
    const { stripeRefundId } = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expectUnrelated(stripeRefundId, [orderId, refund.id]);

    // A retried job emits again: the same event ids, so the store ignores them.
    await emitTestModeRefundEvents({
      stripeRefundId: stripeRefundId ?? "",
      refundId: refund.id,
      orderId,
      source: "organizer",
      amountMinor: refund.amountMinor,
      currency: paid.currency,
      paymentIntentId: paid.stripePaymentIntentId,
      chargeId: null,
      previouslyRefundedMinor: 0,
      chargeAmountMinor: paid.totalMinor,
      direct: false,
      stripeAccountId: paid.stripeAccountId,
    });
    expect(await db.webhookEvent.count()).toBe(events.length);
  });
});
