import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as orderRefundGet, POST as refundRoute } from "@/app/api/tickets/orders/[id]/refund/route";
import { GET as ordersRoute } from "@/app/api/tickets/orders/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { addMember } from "@/lib/testing/factories";
import { refundForTickets } from "@/lib/money/allocate-refund";
import type { StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import {
  stubStripeEnv,
  stubStripeKeys,
  TEST_CONNECT_WEBHOOK_SECRET,
  TEST_PLATFORM_WEBHOOK_SECRET,
} from "@/lib/payments/testing/stub-stripe-env";
import { applyRefund } from "@/lib/refunds/apply-refund";
import { requestRefund } from "@/lib/refunds/request-refund";
import { toRefundableOrder } from "@/lib/refunds/refund-allocation";
import {
  createPaidOrder,
  createStripePaidOrder,
  deliverStripeEvent,
  expectRefundedState,
  runJobs,
  setUpRefundEvent,
} from "@/lib/refunds/testing";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";

function refundRequest(orderId: string, cookie: string, body: unknown) {
  return refundRoute(
    apiRequest(`/api/tickets/orders/${orderId}/refund`, { cookie, body }),
    routeContext({ id: orderId }),
  );
}

function ticketsAmount(order: Awaited<ReturnType<typeof createPaidOrder>>, tierId: string, count: number) {
  return refundForTickets(toRefundableOrder(order), { [tierId]: count }).amountMinor;
}

describe("refunds in test mode (no Stripe keys): our button end to end through the webhook route", () => {
  const bridge = withWebhookBridge();
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });

  it("refunds one of two tickets, then the rest; a third refund is 409", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const [first, second] = order.tickets;
    if (!first || !second) throw new Error("tickets missing");
    const before = (await db.tier.findUniqueOrThrow({ where: { id: ga.id } })).capacity;

    const response = await refundRequest(order.id, owner.cookie, {
      ticketIds: [first.id],
      reason: "Cannot make it",
    });
    expect(response.status).toBe(202);
    const pending = (await response.json()) as { id: string; amountMinor: number; status: string };
    expect(pending.status).toBe("pending");
    const oneTicket = ticketsAmount(order, ga.id, 1);
    expect(pending.amountMinor).toBe(oneTicket);
    // Before the job runs the portal shows it pending.
    const detail = await orderRefundGet(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, { cookie: owner.cookie }),
      routeContext({ id: order.id }),
    );
    const detailJson = (await detail.json()) as {
      refunds: { status: string }[];
      tickets: { refundPending: boolean }[];
    };
    expect(detailJson.refunds.map((r) => r.status)).toEqual(["pending"]);
    expect(detailJson.tickets.filter((t) => t.refundPending)).toHaveLength(1);

    await runJobs();
    expect(
      (await db.webhookEvent.findMany({ orderBy: { receivedAt: "asc" } })).map((e) => [e.type, e.status]),
    ).toEqual([
      ["refund.created", "ignored"],
      ["charge.refunded", "processed"],
      ["refund.updated", "processed"],
    ]);
    await expectRefundedState(order.id, {
      ticketIds: [first.id],
      amountMinor: oneTicket,
      status: "partially_refunded",
    });
    const availability = await db.ticket.count({ where: { tierId: ga.id, status: "valid" } });
    expect(availability).toBe(1);
    expect(before).toBe(50);

    const rest = await refundRequest(order.id, owner.cookie, { reason: "Whole order" });
    expect(rest.status).toBe(202);
    await runJobs();
    await expectRefundedState(order.id, {
      ticketIds: [first.id, second.id],
      amountMinor: order.totalMinor,
      status: "refunded",
    });
    const again = await refundRequest(order.id, owner.cookie, { reason: "again" });
    expect(again.status).toBe(409);
  });

  it("answers bad input with the field, enforces the deadline, lets an admin override it with a note", async () => {
    const { event, ga, owner, organizer } = await setUpRefundEvent({
      allowRefundsUntil: new Date(Date.now() - 60_000),
    });
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const other = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 1 }]);
    const late = await refundRequest(order.id, owner.cookie, { reason: "late" });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { detail: string }).detail).toContain("closed on");

    await db.event.update({ where: { id: event.id }, data: { allowRefundsUntil: null } });
    const fieldOf = async (r: Response) =>
      ((await r.json()) as { errors?: { field: string }[] }).errors?.map((e) => e.field);
    for (const amountMinor of [0, -5, order.totalMinor + 1]) {
      const r = await refundRequest(order.id, owner.cookie, { amountMinor, reason: "x" });
      expect(r.status).toBe(422);
      expect(await fieldOf(r)).toContain("amountMinor");
    }
    const foreign = await refundRequest(order.id, owner.cookie, {
      ticketIds: [other.tickets[0]?.id],
      reason: "x",
    });
    expect(foreign.status).toBe(422);
    expect(await fieldOf(foreign)).toContain("ticketIds");
    const noReason = await refundRequest(order.id, owner.cookie, { amountMinor: 100 });
    expect(noReason.status).toBe(422);

    // A ticket already being refunded cannot be chosen again; the remainder shrinks by the pending amount.
    const t1 = order.tickets[0]?.id ?? "";
    expect((await refundRequest(order.id, owner.cookie, { ticketIds: [t1], reason: "a" })).status).toBe(202);
    const twice = await refundRequest(order.id, owner.cookie, { ticketIds: [t1], reason: "b" });
    expect(twice.status).toBe(422);
    expect(await fieldOf(twice)).toContain("ticketIds");
    const oneTicket = ticketsAmount(order, ga.id, 1);
    const over = await refundRequest(order.id, owner.cookie, {
      amountMinor: order.totalMinor - oneTicket + 1,
      reason: "x",
    });
    expect(over.status).toBe(422);

    // The deadline again, and a platform admin (not a member) overriding it with an audited note.
    await db.event.update({ where: { id: event.id }, data: { allowRefundsUntil: new Date(Date.now() - 1) } });
    vi.stubEnv("ADMIN_EMAILS", "root@stagedoor.test");
    loadEnv();
    const admin = await createUserWithSession("root@stagedoor.test");
    const overridden = await refundRequest(other.id, admin.cookie, {
      reason: "Buyer was in hospital",
      adminOverrideNote: "Ticket #442, approved by support",
    });
    expect(overridden.status).toBe(202);
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: other.id } });
    expect(refund.adminOverride).toBe("Ticket #442, approved by support");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: other.id, action: "tickets.refund.requested_with_admin_override" },
    });
    expect(audit.actorType).toBe("admin");
    expect(audit.organizerId).toBe(organizer.id);
  });

  it("cross-tenant: organizer B gets 404 for A's order, a scanner 403, signed out 401", async () => {
    const a = await setUpRefundEvent();
    const b = await setUpRefundEvent();
    const order = await createPaidOrder(a.event.id, [{ tierId: a.ga.id, quantity: 1 }]);
    expect((await refundRequest(order.id, b.owner.cookie, { reason: "mine now" })).status).toBe(404);
    const scanner = await addMember(a.organizer.id, "door@a.example", "scanner");
    expect((await refundRequest(order.id, scanner.cookie, { reason: "x" })).status).toBe(403);
    const anonymous = await refundRoute(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, { body: { reason: "x" } }),
      routeContext({ id: order.id }),
    );
    expect(anonymous.status).toBe(401);
    const detail = await orderRefundGet(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, { cookie: b.owner.cookie }),
      routeContext({ id: order.id }),
    );
    expect(detail.status).toBe(404);
    const list = await ordersRoute(
      apiRequest("/api/tickets/orders", { cookie: b.owner.cookie }),
      routeContext(),
    );
    expect(((await list.json()) as { orders: unknown[] }).orders).toHaveLength(0);
    const own = await ordersRoute(
      apiRequest(`/api/tickets/orders?eventId=${a.event.id}`, { cookie: a.owner.cookie }),
      routeContext(),
    );
    expect(((await own.json()) as { orders: { id: string }[] }).orders.map((o) => o.id)).toEqual([order.id]);
    expect(await db.refund.count()).toBe(0);
  });
});

describe("refunds from other paths converge on the same state", () => {
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  function refundObject(
    order: { id: string; stripePaymentIntentId: string | null },
    id: string,
    amount: number,
    status: string,
    metadata: Record<string, string> = {},
  ) {
    return {
      id,
      object: "refund",
      amount,
      currency: "cad",
      status,
      payment_intent: order.stripePaymentIntentId,
      charge: `ch_${order.id}`,
      metadata,
    };
  }

  it("a refund made in the Stripe dashboard (charge.refunded, no Refund row of ours)", async () => {
    const { event, ga, vip } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [
      { tierId: ga.id, quantity: 2 },
      { tierId: vip.id, quantity: 1 },
    ]);
    // A partial amount that matches no whole tickets: partially refunded, tickets stay valid.
    await deliverStripeEvent("charge.refunded", {
      id: `ch_${order.id}`,
      object: "charge",
      payment_intent: order.stripePaymentIntentId,
      amount_refunded: 777,
      refunds: { data: [refundObject(order, "re_dash_1", 777, "succeeded")] },
    });
    await expectRefundedState(order.id, { ticketIds: [], amountMinor: 777, status: "partially_refunded" });
    // The rest, also from the dashboard: every ticket voided.
    await deliverStripeEvent("charge.refunded", {
      id: `ch_${order.id}`,
      object: "charge",
      payment_intent: order.stripePaymentIntentId,
      amount_refunded: order.totalMinor,
      refunds: {
        data: [
          refundObject(order, "re_dash_1", 777, "succeeded"),
          refundObject(order, "re_dash_2", order.totalMinor - 777, "succeeded"),
        ],
      },
    });
    await expectRefundedState(order.id, {
      ticketIds: order.tickets.map((t) => t.id),
      amountMinor: order.totalMinor,
      status: "refunded",
    });
  });

  it("duplicate and out-of-order deliveries end in the same state (refund.updated before charge.refunded)", async () => {
    const { event, ga } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 3 }]);
    const owner = await db.organizerMember.findFirstOrThrow({ where: { organizerId: event.organizerId } });
    const requested = await requestRefund(
      { userId: owner.userId ?? "", organizerId: event.organizerId, isAdmin: false },
      order.id,
      { ticketIds: [order.tickets[0]?.id ?? ""], reason: "x" },
    );
    await db.job.deleteMany({ where: { name: "refunds.submit" } });
    const succeeded = refundObject(order, "re_ooo", requested.amountMinor, "succeeded", {
      refund_id: requested.id,
      order_id: order.id,
    });
    await deliverStripeEvent("refund.updated", succeeded, { id: "evt_updated" });
    await deliverStripeEvent("refund.updated", succeeded, { id: "evt_updated" }); // redelivery
    await deliverStripeEvent("charge.refunded", {
      id: `ch_${order.id}`,
      object: "charge",
      payment_intent: order.stripePaymentIntentId,
      refunds: { data: [succeeded] },
    });
    await deliverStripeEvent("refund.created", { ...succeeded, status: "pending" });
    await expectRefundedState(order.id, {
      ticketIds: [order.tickets[0]?.id ?? ""],
      amountMinor: requested.amountMinor,
      status: "partially_refunded",
    });
    expect(await db.refund.count()).toBe(1);
  });

  it("a refund that arrives before the checkout completed is retried until the order is paid", async () => {
    const { event, ga } = await setUpRefundEvent();
    const { createCheckoutSession } = await import("@/lib/checkout/create-checkout-session");
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: ga.id, quantity: 2 }],
      buyer: { email: "fan@example.test", name: "Fan" },
    });
    const pendingOrder = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const refund = refundObject(
      { id: orderId, stripePaymentIntentId: `pi_test_${orderId}` },
      "re_early",
      pendingOrder.totalMinor,
      "succeeded",
    );
    await deliverStripeEvent("charge.refunded", {
      id: `ch_${orderId}`,
      object: "charge",
      payment_intent: `pi_test_${orderId}`,
      refunds: { data: [refund] },
    });
    const early = await db.webhookEvent.findFirstOrThrow({ where: { type: "charge.refunded" } });
    expect(early.status).toBe("pending");
    expect(early.lastError).toContain("retrying");
    await deliverStripeEvent("checkout.session.completed", {
      id: pendingOrder.stripeCheckoutSessionId,
      object: "checkout.session",
      payment_status: "paid",
      amount_total: pendingOrder.totalMinor,
      currency: "cad",
      metadata: { order_id: orderId },
      payment_intent: `pi_test_${orderId}`,
    });
    await runJobs({ includeRetries: true });
    const tickets = await db.ticket.findMany({ where: { orderId } });
    await expectRefundedState(orderId, {
      ticketIds: tickets.map((t) => t.id),
      amountMinor: pendingOrder.totalMinor,
      status: "refunded",
    });
  });

  it("disputes: created flags tickets and emails the organizer; won clears; lost voids through the convergence", async () => {
    const { event, ga } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const dispute = (status: string) => ({
      id: "dp_1",
      object: "dispute",
      amount: order.totalMinor,
      currency: "cad",
      reason: "fraudulent",
      status,
      charge: `ch_${order.id}`,
      payment_intent: order.stripePaymentIntentId,
    });
    await deliverStripeEvent("charge.dispute.created", dispute("needs_response"));
    await deliverStripeEvent("charge.dispute.created", dispute("needs_response"), { id: "evt_dup_dispute" });
    let flagged = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect(flagged.disputed).toBe(true);
    expect(flagged.tickets.every((t) => t.disputed && t.status === "valid")).toBe(true);
    expect(await db.emailOutbox.count({ where: { orderId: order.id, template: "dispute-opened" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: order.id, action: "tickets.dispute.opened" } })).toBe(
      1,
    );

    await deliverStripeEvent("charge.dispute.closed", dispute("won"));
    flagged = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: true } });
    expect(flagged.disputed).toBe(false);
    expect(flagged.tickets.every((t) => !t.disputed)).toBe(true);

    const second = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const lost = {
      ...dispute("lost"),
      id: "dp_2",
      amount: second.totalMinor,
      payment_intent: second.stripePaymentIntentId,
    };
    await deliverStripeEvent("charge.dispute.created", { ...lost, status: "needs_response" });
    await deliverStripeEvent("charge.dispute.closed", lost);
    await deliverStripeEvent("charge.dispute.closed", lost);
    await expectRefundedState(second.id, {
      ticketIds: second.tickets.map((t) => t.id),
      amountMinor: second.totalMinor,
      status: "refunded",
    });
    await expectRefundedState(order.id, { ticketIds: [], amountMinor: 0, status: "paid" });
  });

  it("property: random sequences of partial refunds never exceed what was paid", async () => {
    // Every run (and every shrinking rerun) buys seats: enough capacity that none meets a sold-out tier.
    const { event, ga, vip } = await setUpRefundEvent({ gaCapacity: 1_000, vipCapacity: 500 });
    const owner = await db.organizerMember.findFirstOrThrow({ where: { organizerId: event.organizerId } });
    const actor = { userId: owner.userId ?? "", organizerId: event.organizerId, isAdmin: false };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant("amount" as const),
              amount: fc.integer({ min: -100, max: 20_000 }),
            }),
            fc.record({ kind: fc.constant("ticket" as const), index: fc.nat({ max: 3 }) }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps) => {
          const order = await createPaidOrder(event.id, [
            { tierId: ga.id, quantity: 2 },
            { tierId: vip.id, quantity: 1 },
          ]);
          let n = 0;
          for (const step of steps) {
            const input =
              step.kind === "amount"
                ? { amountMinor: step.amount, reason: "p" }
                : { ticketIds: [order.tickets[step.index % order.tickets.length]?.id ?? ""], reason: "t" };
            try {
              const requested = await requestRefund(actor, order.id, input);
              n += 1;
              await applyRefund({
                orderId: order.id,
                stripeRefundId: `re_prop_${order.id}_${n}`,
                refundId: requested.id,
                amountMinor: requested.amountMinor,
                source: "organizer",
              });
            } catch (error) {
              if (!isAppError(error) || !["validation", "conflict"].includes(error.code)) throw error;
            }
            const now = await db.order.findUniqueOrThrow({ where: { id: order.id } });
            expect(now.refundedMinor).toBeLessThanOrEqual(now.totalMinor);
            expect(now.refundedMinor).toBeGreaterThanOrEqual(0);
            if (now.refundedMinor === now.totalMinor) expect(now.status).toBe("refunded");
          }
          const final = await db.order.findUniqueOrThrow({
            where: { id: order.id },
            include: { refunds: true },
          });
          expect(final.refunds.reduce((s, r) => s + r.amountMinor, 0)).toBe(final.refundedMinor);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe("refunds with Stripe (real SDK against the stand-in)", () => {
  const stripe = withStripeStandIn();
  let standIn: StripeStandIn;
  beforeEach(() => {
    standIn = stripe.current;
  });

  it.each(["destination", "direct"] as const)(
    "sends the exact %s-charge refund (no pro-rata flags), converges on refund.updated, then settles the parties",
    async (chargeType) => {
      const { event, ga, owner } = await setUpRefundEvent();
      const order = await createStripePaidOrder(standIn, event.id, [{ tierId: ga.id, quantity: 2 }], {
        chargeType,
      });
      const account = order.stripeAccountId ?? "";
      const response = await refundRequest(order.id, owner.cookie, {
        ticketIds: [order.tickets[1]?.id],
        reason: "Sick",
      });
      expect(response.status).toBe(202);
      const { id: refundId, amountMinor } = (await response.json()) as { id: string; amountMinor: number };
      await runJobs();
      const call = standIn.requests.find((r) => r.method === "POST" && r.path === "/v1/refunds");
      if (!call) throw new Error("no refund sent");
      expect(call.headers["idempotency-key"]).toBe(`refund:${refundId}`);
      expect(call.form).toMatchObject({
        payment_intent: order.stripePaymentIntentId,
        amount: String(amountMinor),
        "metadata[refund_id]": refundId,
        "metadata[order_id]": order.id,
      });
      expect(call.form.reverse_transfer).toBeUndefined();
      expect(call.form.refund_application_fee).toBeUndefined();
      expect(call.headers["stripe-account"]).toBe(chargeType === "direct" ? account : undefined);
      const row = await db.refund.findUniqueOrThrow({ where: { id: refundId } });
      expect(row.status).toBe("pending");
      const stripeRefundId = row.stripeRefundId ?? "";
      expect(stripeRefundId).toMatch(/^re_standin_/);
      // Nothing moves between organizer and platform before the refund succeeded.
      expect(standIn.requests.some((r) => /reversals|application_fees/.test(r.path))).toBe(false);

      // Stripe settles it; the event is a pointer: the payload says pending, the re-fetch says succeeded.
      const stored = standIn.refunds.get(stripeRefundId);
      if (!stored) throw new Error("stand-in lost the refund");
      stored.status = "succeeded";
      const organizerBefore = standIn.balance(account);
      const platformBefore = standIn.balance();
      await deliverStripeEvent(
        "refund.updated",
        { id: stripeRefundId, object: "refund", status: "pending", amount: amountMinor, metadata: {} },
        chargeType === "direct"
          ? { account, secret: TEST_CONNECT_WEBHOOK_SECRET }
          : { secret: TEST_PLATFORM_WEBHOOK_SECRET },
      );
      await expectRefundedState(order.id, {
        ticketIds: [order.tickets[1]?.id ?? ""],
        amountMinor,
        status: "partially_refunded",
      });
      const settled = await db.refund.findUniqueOrThrow({ where: { id: refundId } });
      const platformPart = order.items[0]?.applicationFeeMinor ?? NaN; // one ticket of two: half the line
      expect(settled).toMatchObject({ applicationFeeMinor: platformPart / 2, settlementError: null });
      expect(settled.settledAt).not.toBeNull();
      const feeCall = standIn.requests.find((r) => /^\/v1\/application_fees\/[^/]+\/refunds$/.test(r.path));
      expect(feeCall?.form.amount).toBe(String(platformPart / 2));
      expect(feeCall?.headers["idempotency-key"]).toBe(`refund:${refundId}:application-fee`);
      expect(feeCall?.headers["stripe-account"]).toBeUndefined();
      const reversalCall = standIn.requests.find((r) => r.path.endsWith("/reversals"));
      if (chargeType === "destination") {
        expect(reversalCall?.form.amount).toBe(String(amountMinor));
        expect(reversalCall?.headers["idempotency-key"]).toBe(`refund:${refundId}:transfer-reversal`);
        expect(settled.stripeTransferReversalId).toMatch(/^trr_standin_/);
        expect(settled.transferReversedMinor).toBe(amountMinor);
      } else {
        expect(reversalCall).toBeUndefined();
        expect(settled.stripeTransferReversalId).toBeNull();
      }
      expect(settled.stripeApplicationFeeRefundId).toMatch(/^fr_standin_/);
      // Exactly the allocation, per party: the refund itself was already debited when it was created.
      expect(standIn.balance(account) - organizerBefore).toBe(
        chargeType === "destination" ? -(amountMinor - platformPart / 2) : platformPart / 2,
      );
      expect(standIn.balance() - platformBefore).toBe(
        chargeType === "destination" ? amountMinor - platformPart / 2 : -platformPart / 2,
      );
    },
  );

  it("Stripe down: the job retries with backoff and the refund stays pending; then it goes through", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createStripePaidOrder(standIn, event.id, [{ tierId: ga.id, quantity: 1 }]);
    expect((await refundRequest(order.id, owner.cookie, { reason: "x" })).status).toBe(202);
    standIn.failWith = 500;
    expect(await runJobs()).toEqual(["retry"]);
    const job = await db.job.findFirstOrThrow({ where: { name: "refunds.submit" } });
    expect(job.status).toBe("queued");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect((await db.refund.findFirstOrThrow()).status).toBe("pending");
    standIn.failWith = null;
    expect(await runJobs({ includeRetries: true })).toEqual(["succeeded"]);
    const refund = await db.refund.findFirstOrThrow();
    expect(refund.status).toBe("pending");
    expect(refund.stripeRefundId).toMatch(/^re_standin_/);
  });

  it("a permanent Stripe error fails the refund with Stripe's message, shown to the organizer", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 1 }]);
    await runJobs(); // the confirmation email
    stubStripeKeys(standIn.url);
    expect((await refundRequest(order.id, owner.cookie, { reason: "x" })).status).toBe(202);
    standIn.failWith = 400;
    standIn.failMessage = "Charge ch_1 has already been refunded.";
    expect(await runJobs()).toEqual(["succeeded"]);
    const detail = await orderRefundGet(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, { cookie: owner.cookie }),
      routeContext({ id: order.id }),
    );
    const json = (await detail.json()) as {
      refunds: { status: string; failureReason: string }[];
      refundableMinor: number;
    };
    expect(json.refunds[0]).toMatchObject({
      status: "failed",
      failureReason: "Stripe: Charge ch_1 has already been refunded.",
    });
    expect(json.refundableMinor).toBe(order.totalMinor);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });
});
