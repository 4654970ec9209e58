import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as checkoutRoute } from "@/app/api/tickets/checkout/session/route";
import { routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { completeTestModePayment } from "@/lib/checkout/test-mode-payment";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { runDueJobs } from "@/lib/jobs/worker";
import {
  stubStripeEnv,
  stubStripeKeys,
  TEST_PLATFORM_WEBHOOK_SECRET,
} from "@/lib/payments/testing/stub-stripe-env";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { deliverStripeEvent, expectRefundedState } from "@/lib/refunds/testing";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";
import { jobDefinitions } from "@/lib/jobs/registry";
import { verifyTicketCode } from "@/lib/tickets/signing";

const HOUR = 60 * 60 * 1000;

async function setUpEvent(
  options: { gaCapacity?: number; feeModel?: "buyer_pays" | "organizer_absorbs" } = {},
) {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, { feeModel: options.feeModel ?? "buyer_pays" });
  const ga = await createTier(event.id, { name: "GA", capacity: options.gaCapacity ?? 100, maxPerOrder: 6 });
  const hidden = await createTier(event.id, {
    name: "Guest list",
    priceMinor: 0,
    capacity: 10,
    visibility: "hidden",
  });
  const later = await createTier(event.id, {
    name: "Late bird",
    priceMinor: 3000,
    capacity: 10,
    salesStartAt: new Date(Date.now() + 24 * HOUR),
  });
  return { organizer, event, ga, hidden, later };
}

function buyer(items: { tierId: string; quantity: number }[], extra: Record<string, unknown> = {}) {
  return { items, buyer: { email: "Fan@Example.test", name: "Fan One" }, ...extra };
}

async function expectAppError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected AppError ${code}, got ${String(error)}`).toBe(true);
  if (!isAppError(error)) return;
  expect(error.code).toBe(code);
  if (field) expect(error.fields.map((f) => f.field)).toContain(field);
}

describe("checkout (test mode, no Stripe keys)", () => {
  const bridge = withWebhookBridge();
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });

  it("prices on the server, holds the seats with the pending order and sends the buyer to the test payment page", async () => {
    const { event, ga } = await setUpEvent();
    const result = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
      totalMinor: 1,
      items: [{ tierId: ga.id, quantity: 2, priceMinor: 1 }],
    });
    expect(result.free).toBe(false);
    expect(result.url).toContain(`/tickets/dev/pay/${result.orderId}?token=`);
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      include: { holds: true, items: true },
    });
    expect(order.status).toBe("pending");
    expect(order.buyerEmail).toBe("fan@example.test");
    expect(order.subtotalMinor).toBe(5000);
    expect(order.taxMinor).toBe(600);
    expect(order.totalMinor).toBe(5000 + order.feeMinor + 600);
    expect(order.feeMinor).toBeGreaterThan(0);
    expect(order.holds.map((h) => h.quantity)).toEqual([2]);
    // The holds outlive the Checkout Session (order.expiresAt) by the grace.
    expect(order.holds[0]?.expiresAt.getTime()).toBe((order.expiresAt?.getTime() ?? 0) + HOLD_GRACE_MS);
  });

  it("refuses bad carts with the reason, writing nothing", async () => {
    const { event, ga, hidden, later } = await setUpEvent({ gaCapacity: 3 });
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 0 }]) }),
      "validation",
      "items.0.quantity",
    );
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: -2 }]) }),
      "validation",
      "items.0.quantity",
    );
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 7 }]) }),
      "validation",
      "items.0.quantity",
    );
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 4 }]) }),
      "sold_out",
    );
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: later.id, quantity: 1 }]) }),
      "conflict",
    );
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: hidden.id, quantity: 1 }]) }),
      "not_found",
      "items.0.tierId",
    );
    await expectAppError(
      createCheckoutSession({
        eventId: event.id,
        ...buyer([{ tierId: ga.id, quantity: 1 }], { discountCode: "NOPE" }),
      }),
      "validation",
      "discountCode",
    );
    await expectAppError(
      createCheckoutSession({
        eventId: event.id,
        items: [{ tierId: ga.id, quantity: 1 }],
        buyer: { email: "x", name: "" },
      }),
      "validation",
      "buyer.email",
    );
    // Messages a buyer understands, shown beside the field.
    const messages = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 1 }],
      buyer: { email: "robin at example", name: "R".repeat(121) },
    }).catch((e: unknown) =>
      isAppError(e) ? Object.fromEntries(e.fields.map((f) => [f.field, f.message])) : {},
    );
    expect(messages).toEqual({
      "buyer.email": "Enter an email address like name@example.com",
      "buyer.name": "Name is too long (120 characters at most)",
    });
    expect(await db.order.count()).toBe(0);
    expect(await db.hold.count()).toBe(0);
  });

  it("refuses a total below the minimum card payment with a clear 422 before any hold", async () => {
    const { event } = await setUpEvent({ feeModel: "organizer_absorbs" });
    const tiny = await createTier(event.id, { name: "Coat check", priceMinor: 40, capacity: 10 });
    // 40¢ + GST 2¢ + PST 3¢ = 45¢, below Stripe's 50¢ for CAD.
    const response = await checkoutRoute(
      new Request("http://localhost/api/tickets/checkout/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ eventId: event.id, ...buyer([{ tierId: tiny.id, quantity: 1 }]) }),
      }),
      routeContext(),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { detail: string; errors: { field: string }[] };
    expect(problem.detail).toBe(
      "The total is below the minimum card payment of $0.50. Add tickets to reach it.",
    );
    expect(problem.errors.map((e) => e.field)).toEqual(["items"]);
    expect(await db.order.count()).toBe(0);
    expect(await db.hold.count()).toBe(0);
    // Two of them are 90¢: on sale.
    const two = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: tiny.id, quantity: 2 }]),
    });
    expect(two.free).toBe(false);
  });

  it("answers problem+json through the route, including for malformed JSON", async () => {
    const { event, ga } = await setUpEvent();
    const bad = await checkoutRoute(
      new Request("http://localhost/api/tickets/checkout/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{nope",
      }),
      routeContext(),
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const ok = await checkoutRoute(
      new Request("http://localhost/api/tickets/checkout/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 1 }]) }),
      }),
      routeContext(),
    );
    expect(ok.status).toBe(201);
  });

  it("unlocks a hidden tier with a code scoped to it and issues a free order at once", async () => {
    const { event, hidden } = await setUpEvent();
    await db.discount.create({
      data: { eventId: event.id, code: "GUESTS", kind: "percent", percentBps: 10_000, tierIds: [hidden.id] },
    });
    const result = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: hidden.id, quantity: 2 }], { discountCode: "guests" }),
    });
    expect(result.free).toBe(true);
    expect(result.url).toContain(
      `/tickets/order/${result.orderId}?token=${orderAccessTokenFor(result.orderId).token}`,
    );
    const order = await db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      include: { tickets: true },
    });
    expect(order.status).toBe("paid");
    expect(order.tickets).toHaveLength(2);
    expect(await db.emailOutbox.count({ where: { orderId: order.id, template: "order-confirmation" } })).toBe(
      1,
    );
  });

  it("pays through the test-mode page: a signed event over HTTP to the real webhook, then tickets and email", async () => {
    const { event, ga } = await setUpEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    const token = orderAccessTokenFor(orderId).token;
    const { redirect } = await completeTestModePayment({
      orderId,
      token,
      outcome: "pay",
      origin: bridge.origin,
    });
    expect(redirect).toContain(`/tickets/order/${orderId}?token=`);
    expect(await db.webhookEvent.count({ where: { type: "checkout.session.completed" } })).toBe(1);
    await runDueJobs(jobDefinitions);
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId },
      include: { tickets: true, holds: true },
    });
    expect(order.status).toBe("paid");
    expect(order.tickets).toHaveLength(2);
    expect(order.holds.every((h) => h.convertedAt !== null)).toBe(true);
    const keys = await db.signingKey.findMany({ where: { eventId: event.id } });
    for (const ticket of order.tickets) {
      expect(verifyTicketCode(ticket.secret, { id: event.id, keys }).ok).toBe(true);
    }
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { orderId, template: "order-confirmation" },
    });
    expect(email.status).toBe("sent");
    expect(email.toAddress).toBe("fan@example.test");
  });

  it("releases the seats when the buyer cancels or the payment is declined", async () => {
    const { event, ga } = await setUpEvent({ gaCapacity: 2 });
    const first = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 1 }]) }),
      "sold_out",
    );
    const token = orderAccessTokenFor(first.orderId).token;
    const { redirect } = await completeTestModePayment({
      orderId: first.orderId,
      token,
      outcome: "fail",
      origin: bridge.origin,
    });
    expect(redirect).toContain("checkout=failed");
    await runDueJobs(jobDefinitions);
    expect((await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe("cancelled");
    const second = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    await completeTestModePayment({
      orderId: second.orderId,
      token: orderAccessTokenFor(second.orderId).token,
      outcome: "cancel",
      origin: bridge.origin,
    });
    await runDueJobs(jobDefinitions);
    expect((await db.order.findUniqueOrThrow({ where: { id: second.orderId } })).status).toBe("expired");
    expect(await db.hold.count({ where: { releasedAt: null } })).toBe(0);
  });
});

describe("webhook-driven fulfilment", () => {
  const bridge = withWebhookBridge();
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });
  afterAll(() => vi.unstubAllEnvs());

  /** A signed checkout.session.* event for the order's session through the real route, then every job. */
  async function deliver(type: string, orderId: string, extra: Record<string, unknown> = {}) {
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    await deliverStripeEvent(type, {
      id: order.stripeCheckoutSessionId,
      object: "checkout.session",
      payment_status: type === "checkout.session.completed" ? "paid" : "unpaid",
      amount_total: order.totalMinor,
      currency: order.currency,
      metadata: { order_id: orderId },
      payment_intent: `pi_test_${orderId}`,
      ...extra,
    });
  }

  /** The refund of a payment we could not honour went the one way every refund goes. */
  async function expectPaymentRefunded(orderId: string, reason: string) {
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.paidAt).not.toBeNull();
    expect(order.stripePaymentIntentId).toBe(`pi_test_${orderId}`);
    await expectRefundedState(orderId, { ticketIds: [], amountMinor: order.totalMinor, status: "refunded" });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId } });
    expect(refund.stripeRefundId).toMatch(/^re_test_/);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { orderId, template: "late-payment-refund" },
    });
    expect(email.text).toContain(reason);
    expect(await db.emailOutbox.count({ where: { orderId, template: "order-confirmation" } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { entityId: orderId, action: "tickets.order.late_payment_refunded" },
      }),
    ).toBe(1);
    expect(await db.webhookEvent.count({ where: { status: { in: ["pending", "failed"] } } })).toBe(0);
  }

  it("ends in the same state for duplicate and out-of-order deliveries", async () => {
    const { event, ga } = await setUpEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 3 }]),
    });
    await deliver("checkout.session.completed", orderId);
    await deliver("checkout.session.completed", orderId);
    await deliver("checkout.session.expired", orderId);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true } });
    expect(order.status).toBe("paid");
    expect(order.tickets).toHaveLength(3);
    expect(await db.emailOutbox.count({ where: { orderId } })).toBe(1);
  });

  it("fails at once, visibly, when the amount paid is not the order total (no retries)", async () => {
    const { event, ga } = await setUpEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    });
    await deliver("checkout.session.completed", orderId, { amount_total: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    const stored = await db.webhookEvent.findFirstOrThrow();
    expect(stored).toMatchObject({ status: "failed", attempts: 1 });
    expect(stored.lastError).toContain("order total");
    expect(await db.job.count({ where: { status: "queued" } })).toBe(0);
  });

  it("keeps a late payment when seats remain, and refunds it through the refund path when they are gone", async () => {
    const { event, ga } = await setUpEvent({ gaCapacity: 2 });
    const late = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    await deliver("checkout.session.expired", late.orderId);
    const rival = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    await deliver("checkout.session.completed", rival.orderId);
    await deliver("checkout.session.completed", late.orderId);

    await expectPaymentRefunded(late.orderId, "the last seats were sold");
    expect(await db.ticket.count({ where: { eventId: event.id, status: "valid" } })).toBe(2);
    // A redelivery of the payment changes nothing.
    await deliver("checkout.session.completed", late.orderId);
    expect(await db.refund.count({ where: { orderId: late.orderId } })).toBe(1);

    const another = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    }).catch((e: unknown) => e);
    expect(isAppError(another) && another.code === "sold_out").toBe(true);
  });

  it("reinstates a late payment when there is still room", async () => {
    const { event, ga } = await setUpEvent({ gaCapacity: 5 });
    const late = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    await deliver("checkout.session.expired", late.orderId);
    await deliver("checkout.session.completed", late.orderId);
    const order = await db.order.findUniqueOrThrow({
      where: { id: late.orderId },
      include: { tickets: true },
    });
    expect(order.status).toBe("paid");
    expect(order.tickets).toHaveLength(2);
  });

  it("refunds a payment that arrives after the event ended, issuing no tickets", async () => {
    const { event, ga } = await setUpEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    });
    await db.event.update({
      where: { id: event.id },
      data: { startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) },
    });
    await deliver("checkout.session.completed", orderId);
    await expectPaymentRefunded(orderId, "after the event had ended");
    expect(await db.ticket.count({ where: { orderId } })).toBe(0);
  });
});

describe("checkout with Stripe (real SDK against a local stand-in)", () => {
  const stripe = withStripeStandIn();

  it.each(["destination", "direct"] as const)("sends the exact %s-charge parameters", async (chargeType) => {
    stubStripeKeys(stripe.current.url, { STRIPE_CHARGE_TYPE: chargeType });
    const { event, ga, organizer } = await setUpEvent();
    const account = `acct_test_${organizer.id}`;
    const before = Date.now();
    const result = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 2 }]),
    });
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    const create = stripe.current.requests.find((r) => r.path === "/v1/checkout/sessions");
    if (!create) throw new Error("no session created");
    expect(result.url).toBe(`https://checkout.stripe.test/c/pay/${order.stripeCheckoutSessionId}`);
    expect(create.headers["idempotency-key"]).toBe(`checkout:create:${order.id}`);
    expect(create.form["payment_intent_data[application_fee_amount]"]).toBe(
      String(order.applicationFeeMinor),
    );
    expect(create.form["payment_intent_data[metadata][order_id]"]).toBe(order.id);
    expect(create.form["metadata[order_id]"]).toBe(order.id);
    expect(create.form.client_reference_id).toBe(order.id);
    const expiresAt = Number(create.form.expires_at);
    expect(expiresAt).toBe(Math.floor((order.expiresAt?.getTime() ?? 0) / 1000));
    expect(expiresAt * 1000).toBeGreaterThanOrEqual(before + 30 * 60 * 1000);
    if (chargeType === "destination") {
      expect(create.form["payment_intent_data[transfer_data][destination]"]).toBe(account);
      expect(create.form["payment_intent_data[on_behalf_of]"]).toBe(account);
      expect(create.headers["stripe-account"]).toBeUndefined();
    } else {
      expect(create.form["payment_intent_data[transfer_data][destination]"]).toBeUndefined();
      expect(create.headers["stripe-account"]).toBe(account);
    }
    const charged = Object.keys(create.form)
      .filter((k) => /^line_items\[\d+\]\[price_data\]\[unit_amount\]$/.test(k))
      .reduce((sum, k) => {
        const index = /\[(\d+)\]/.exec(k)?.[1];
        return sum + Number(create.form[k]) * Number(create.form[`line_items[${index}][quantity]`]);
      }, 0);
    expect(charged).toBe(order.totalMinor);
  });

  it("releases the seats and says so when Stripe cannot be reached", async () => {
    stubStripeKeys(stripe.current.url);
    const { event, ga } = await setUpEvent();
    stripe.current.failWith = 500;
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: ga.id, quantity: 1 }]) }),
      "busy",
    );
    const order = await db.order.findFirstOrThrow();
    expect(order.status).toBe("cancelled");
    expect(await db.hold.count({ where: { releasedAt: null } })).toBe(0);
  });

  it("says the total is too small, never 'busy', when Stripe refuses it as below its minimum", async () => {
    stubStripeKeys(stripe.current.url);
    const { event } = await setUpEvent({ feeModel: "organizer_absorbs" });
    const tiny = await createTier(event.id, { name: "Coat check", priceMinor: 40, capacity: 10 });
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: tiny.id, quantity: 1 }]) }),
      "validation",
      "items",
    );
    expect(stripe.current.requests).toHaveLength(0);
    expect(await db.hold.count()).toBe(0);

    // Above our table but below the organizer's settlement-currency minimum: Stripe says amount_too_small.
    stripe.current.failWhen = ({ path }) => (path === "/v1/checkout/sessions" ? 400 : null);
    stripe.current.failCode = "amount_too_small";
    stripe.current.failMessage = "Amount must convert to at least 50 cents.";
    await expectAppError(
      createCheckoutSession({ eventId: event.id, ...buyer([{ tierId: tiny.id, quantity: 2 }]) }),
      "validation",
      "items",
    );
    expect(await db.hold.count({ where: { releasedAt: null } })).toBe(0);
  });

  /** Pays the order's session in the stand-in (what a re-fetch sees) and delivers a pointer-only event. */
  async function payInStandIn(orderId: string) {
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const sessionId = order.stripeCheckoutSessionId ?? "";
    const { paymentIntentId } = stripe.current.paySession(sessionId);
    await deliverStripeEvent(
      "checkout.session.completed",
      {
        id: sessionId,
        object: "checkout.session",
        payment_status: "unpaid",
        metadata: { order_id: orderId },
      },
      { secret: TEST_PLATFORM_WEBHOOK_SECRET },
    );
    return { sessionId, paymentIntentId };
  }

  it("re-fetches the session on completed (the payload is a pointer)", async () => {
    stubStripeKeys(stripe.current.url);
    const { event, ga } = await setUpEvent();
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    });
    const { sessionId, paymentIntentId } = await payInStandIn(orderId);
    const paid = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(paid.status).toBe("paid");
    expect(paid.stripePaymentIntentId).toBe(paymentIntentId);
    expect(
      stripe.current.requests.some(
        (r) => r.method === "GET" && r.path === `/v1/checkout/sessions/${sessionId}`,
      ),
    ).toBe(true);
  });

  it("refunds a late payment through Stripe and converges when Stripe reports the refund", async () => {
    stubStripeKeys(stripe.current.url);
    const { event, ga } = await setUpEvent({ gaCapacity: 1 });
    const late = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    });
    const lateOrder = await db.order.findUniqueOrThrow({ where: { id: late.orderId } });
    await deliverStripeEvent(
      "checkout.session.expired",
      {
        id: lateOrder.stripeCheckoutSessionId,
        object: "checkout.session",
        metadata: { order_id: late.orderId },
      },
      { secret: TEST_PLATFORM_WEBHOOK_SECRET },
    );
    const rival = await createCheckoutSession({
      eventId: event.id,
      ...buyer([{ tierId: ga.id, quantity: 1 }]),
    });
    await payInStandIn(rival.orderId);
    const { paymentIntentId } = await payInStandIn(late.orderId);

    const refund = await db.refund.findFirstOrThrow({ where: { orderId: late.orderId } });
    expect(refund).toMatchObject({ status: "pending", amountMinor: lateOrder.totalMinor, ticketIds: [] });
    const refundCall = stripe.current.requests.find((r) => r.method === "POST" && r.path === "/v1/refunds");
    expect(refundCall?.form).toMatchObject({
      payment_intent: paymentIntentId,
      amount: String(lateOrder.totalMinor),
      "metadata[refund_id]": refund.id,
      "metadata[order_id]": late.orderId,
      "metadata[source]": "late_payment",
    });
    expect(refundCall?.form.reverse_transfer).toBeUndefined();
    expect(refundCall?.form.refund_application_fee).toBeUndefined();
    expect(refundCall?.headers["idempotency-key"]).toBe(`refund:${refund.id}`);

    // Stripe reports the refund done: the event converges like any refund (it used to retry, then dead-letter).
    const stripeRefundId = refund.stripeRefundId ?? "";
    const stored = stripe.current.refunds.get(stripeRefundId);
    if (!stored) throw new Error("refund missing in stand-in");
    stored.status = "succeeded";
    await deliverStripeEvent(
      "refund.updated",
      { id: stripeRefundId, object: "refund", status: "pending" },
      { secret: TEST_PLATFORM_WEBHOOK_SECRET },
    );
    await expectRefundedState(late.orderId, {
      ticketIds: [],
      amountMinor: lateOrder.totalMinor,
      status: "refunded",
    });
    expect(await db.webhookEvent.count({ where: { status: { in: ["pending", "failed"] } } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: rival.orderId } })).status).toBe("paid");
    // The whole charge went back: the organizer returned what it got, the platform its whole fee.
    const settled = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(settled.settledAt).not.toBeNull();
    expect(settled.applicationFeeMinor).toBe(lateOrder.applicationFeeMinor);
  });

  it("fails a refund event at once when its metadata names an order we do not have", async () => {
    stubStripeKeys(stripe.current.url);
    stripe.current.refunds.set("re_stray", {
      id: "re_stray",
      object: "refund",
      amount: 500,
      currency: "cad",
      status: "succeeded",
      payment_intent: "pi_stray",
      metadata: { order_id: "no-such-order", refund_id: "no-such-refund" },
    });
    await deliverStripeEvent(
      "refund.updated",
      { id: "re_stray", object: "refund", status: "succeeded" },
      { secret: TEST_PLATFORM_WEBHOOK_SECRET },
    );
    const stored = await db.webhookEvent.findFirstOrThrow();
    expect(stored).toMatchObject({ status: "failed", attempts: 1 });
    expect(stored.lastError).toContain("no-such-order");
  });
});
