import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as progressRoute, POST as cancelRoute } from "@/app/api/tickets/events/[id]/cancel/route";
import { POST as retryRoute } from "@/app/api/tickets/events/[id]/cancel/retry/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { completeTestModePayment } from "@/lib/checkout/test-mode-payment";
import { findOrderByAccessToken, orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { rotateOrderAccessLink } from "@/lib/orders/rotate-order-access-link";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { addMember } from "@/lib/testing/factories";
import {
  stubStripeEnv,
  stubStripeKeys,
  TEST_CONNECT_WEBHOOK_SECRET,
  TEST_PLATFORM_WEBHOOK_SECRET,
} from "@/lib/payments/testing/stub-stripe-env";
import type { CancellationProgress } from "@/lib/events/cancel-event";
import {
  createPaidOrder,
  createStripePaidOrder,
  deliverStripeEvent,
  expectRefundedState,
  runJobs,
  setUpRefundEvent,
} from "@/lib/refunds/testing";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";

const post = (route: typeof cancelRoute, path: string, eventId: string, cookie: string) =>
  route(apiRequest(path, { method: "POST", cookie }), routeContext({ id: eventId }));

describe("event cancellation (test mode, through the webhook route)", () => {
  const bridge = withWebhookBridge();
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });

  it("stops sales, refunds every paid order, emails buyers and voids tickets through the convergence", async () => {
    // The refund deadline has passed: cancellation refunds anyway.
    const { event, ga, vip, owner } = await setUpRefundEvent({ allowRefundsUntil: new Date(Date.now() - 1) });
    const a = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const b = await createPaidOrder(event.id, [{ tierId: vip.id, quantity: 1 }]);
    const path = `/api/tickets/events/${event.id}/cancel`;
    const scanner = await addMember(event.organizerId, "door@x.example", "scanner");
    expect((await post(cancelRoute, path, event.id, scanner.cookie)).status).toBe(403);

    const response = await post(cancelRoute, path, event.id, owner.cookie);
    expect(response.status).toBe(202);
    const started = (await response.json()) as CancellationProgress;
    expect(started).toMatchObject({ status: "cancelled", total: 2, refunded: 0, working: true, done: false });
    expect((await post(cancelRoute, path, event.id, owner.cookie)).status).toBe(409);
    const refused = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 1 }],
      buyer: { email: "late@example.test", name: "Late" },
    }).catch((e: unknown) => e);
    expect(isAppError(refused)).toBe(true);

    await runJobs();
    for (const order of [a, b]) {
      await expectRefundedState(order.id, {
        ticketIds: order.tickets.map((t) => t.id),
        amountMinor: order.totalMinor,
        status: "refunded",
      });
      expect(await db.emailOutbox.count({ where: { orderId: order.id, template: "event-cancelled" } })).toBe(
        1,
      );
    }
    const revoked = await db.revokedSecret.findMany({ where: { eventId: event.id } });
    expect(revoked.every((r) => r.reason === "event_cancelled")).toBe(true);
    const progress = (await (
      await progressRoute(apiRequest(path, { cookie: owner.cookie }), routeContext({ id: event.id }))
    ).json()) as CancellationProgress;
    expect(progress).toMatchObject({ total: 2, refunded: 2, pending: 0, failed: [], done: true });
  });

  it("after a buyer's link was rotated, the cancellation and refund emails carry a link that opens the order", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 1 }]);
    await rotateOrderAccessLink({ orderId: order.id, userId: owner.userId });
    expect(
      (await post(cancelRoute, `/api/tickets/events/${event.id}/cancel`, event.id, owner.cookie)).status,
    ).toBe(202);
    await runJobs();
    const mails = await db.emailOutbox.findMany({
      where: { orderId: order.id, template: { in: ["event-cancelled", "refund-issued"] } },
      select: { template: true, text: true },
    });
    expect(mails.map((m) => m.template).sort()).toEqual(["event-cancelled", "refund-issued"]);
    for (const mail of mails) {
      const token = new RegExp(`/tickets/order/${order.id}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
      expect(await findOrderByAccessToken(order.id, token), mail.template).not.toBeNull();
    }
  });

  it("cancels the orders still at the payment page and refunds a payment that arrives anyway", async () => {
    const { event, ga, owner } = await setUpRefundEvent({ gaCapacity: 5 });
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 2 }],
      buyer: { email: "slow@example.test", name: "Slow Payer" },
    });
    const path = `/api/tickets/events/${event.id}/cancel`;
    expect((await post(cancelRoute, path, event.id, owner.cookie)).status).toBe(202);

    const cancelled = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { holds: true } });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.holds.every((h) => h.releasedAt !== null)).toBe(true);
    const page = await completeTestModePayment({
      orderId,
      token: orderAccessTokenFor(orderId).token,
      outcome: "pay",
      origin: bridge.origin,
    }).catch((e: unknown) => e);
    expect(isAppError(page) && page.code === "conflict").toBe(true);

    // The buyer's payment got through before the page closed: it is refunded, never honoured.
    await deliverStripeEvent("checkout.session.completed", {
      id: cancelled.stripeCheckoutSessionId,
      object: "checkout.session",
      payment_status: "paid",
      amount_total: cancelled.totalMinor,
      currency: cancelled.currency,
      metadata: { order_id: orderId },
      payment_intent: `pi_test_${orderId}`,
    });
    await expectRefundedState(orderId, {
      ticketIds: [],
      amountMinor: cancelled.totalMinor,
      status: "refunded",
    });
    expect(await db.ticket.count({ where: { orderId } })).toBe(0);
    const apology = await db.emailOutbox.findFirstOrThrow({
      where: { orderId, template: "late-payment-refund" },
    });
    expect(apology.text).toContain("after the organizer cancelled the event");
    expect(await db.emailOutbox.count({ where: { orderId, template: "order-confirmation" } })).toBe(0);
  });
});

describe("event cancellation closes open Checkout Sessions (stand-in)", () => {
  const stripe = withStripeStandIn();

  it.each(["destination", "direct"] as const)(
    "expires every open %s-charge session; a session paid meanwhile is refunded when its payment arrives",
    async (chargeType) => {
      stubStripeKeys(stripe.current.url, { STRIPE_CHARGE_TYPE: chargeType });
      const { event, ga, owner, organizer } = await setUpRefundEvent({ gaCapacity: 5 });
      const checkout = (email: string) =>
        createCheckoutSession({
          eventId: event.id,
          items: [{ tierId: ga.id, quantity: 1 }],
          buyer: { email, name: "Buyer" },
        });
      const open = await checkout("open@example.test");
      const paying = await checkout("paying@example.test");
      const sessionOf = async (orderId: string) =>
        (await db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeCheckoutSessionId ?? "";
      const openSession = await sessionOf(open.orderId);
      const payingSession = await sessionOf(paying.orderId);
      // This buyer completes the payment page just before the organizer cancels.
      const { paymentIntentId } = stripe.current.paySession(payingSession);

      const path = `/api/tickets/events/${event.id}/cancel`;
      expect((await post(cancelRoute, path, event.id, owner.cookie)).status).toBe(202);
      await runJobs();
      const expires = stripe.current.requests.filter(
        (r) => r.method === "POST" && r.path.endsWith("/expire"),
      );
      expect(expires.map((r) => r.path).sort()).toEqual(
        [
          `/v1/checkout/sessions/${openSession}/expire`,
          `/v1/checkout/sessions/${payingSession}/expire`,
        ].sort(),
      );
      for (const request of expires) {
        expect(request.headers["stripe-account"]).toBe(
          chargeType === "direct" ? `acct_test_${organizer.id}` : undefined,
        );
      }
      expect(stripe.current.sessions.get(openSession)?.status).toBe("expired");
      for (const orderId of [open.orderId, paying.orderId]) {
        expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
      }
      expect(await db.hold.count({ where: { eventId: event.id, releasedAt: null } })).toBe(0);

      await deliverStripeEvent(
        "checkout.session.completed",
        { id: payingSession, object: "checkout.session", metadata: { order_id: paying.orderId } },
        chargeType === "direct"
          ? { secret: TEST_CONNECT_WEBHOOK_SECRET, account: `acct_test_${organizer.id}` }
          : { secret: TEST_PLATFORM_WEBHOOK_SECRET },
      );
      const refund = await db.refund.findFirstOrThrow({ where: { orderId: paying.orderId } });
      expect(refund).toMatchObject({ status: "pending", ticketIds: [] });
      const refundCall = stripe.current.requests.find((r) => r.method === "POST" && r.path === "/v1/refunds");
      expect(refundCall?.form).toMatchObject({
        payment_intent: paymentIntentId,
        "metadata[refund_id]": refund.id,
        "metadata[source]": "event_cancelled",
      });
      expect(await db.ticket.count({ where: { eventId: event.id } })).toBe(0);
    },
  );
  it("closes the session of a buyer whose checkout was still being created when the event was cancelled", async () => {
    stubStripeKeys(stripe.current.url);
    const { event, ga, owner } = await setUpRefundEvent();
    const path = `/api/tickets/events/${event.id}/cancel`;
    stripe.current.beforeAnswer = async (request) => {
      if (request.path !== "/v1/checkout/sessions") return;
      expect((await post(cancelRoute, path, event.id, owner.cookie)).status).toBe(202);
    };
    const attempt = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 1 }],
      buyer: { email: "racer@example.test", name: "Racer" },
    }).catch((e: unknown) => e);
    expect(isAppError(attempt) && attempt.code === "conflict").toBe(true);
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id } });
    expect(order.status).toBe("cancelled");
    expect(order.stripeCheckoutSessionId).not.toBeNull();
    expect(stripe.current.sessions.get(order.stripeCheckoutSessionId ?? "")?.status).toBe("expired");
  });
});

describe("event cancellation with Stripe failures (stand-in)", () => {
  const stripe = withStripeStandIn();

  it("lists failed refunds with Stripe's reason and retries them", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createStripePaidOrder(stripe.current, event.id, [{ tierId: ga.id, quantity: 1 }]);
    stripe.current.failWith = 400;
    stripe.current.failMessage = "This charge is too old to refund.";
    const path = `/api/tickets/events/${event.id}/cancel`;
    expect((await post(cancelRoute, path, event.id, owner.cookie)).status).toBe(202);
    await runJobs();
    let progress = (await (
      await progressRoute(apiRequest(path, { cookie: owner.cookie }), routeContext({ id: event.id }))
    ).json()) as CancellationProgress;
    expect(progress.failed).toEqual([
      { orderId: order.id, buyerName: "Fan One", failureReason: "Stripe: This charge is too old to refund." },
    ]);
    expect(progress.done).toBe(false);

    stripe.current.failWith = null;
    const retried = await post(retryRoute, `${path}/retry`, event.id, owner.cookie);
    expect(retried.status).toBe(202);
    await runJobs();
    progress = (await (
      await progressRoute(apiRequest(path, { cookie: owner.cookie }), routeContext({ id: event.id }))
    ).json()) as CancellationProgress;
    expect(progress).toMatchObject({ total: 1, pending: 1, failed: [] });
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(2);
    expect(await db.emailOutbox.count({ where: { orderId: order.id, template: "event-cancelled" } })).toBe(1);
  });
});
