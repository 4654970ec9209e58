import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as progressRoute, POST as cancelRoute } from "@/app/api/tickets/events/[id]/cancel/route";
import { POST as retryRoute } from "@/app/api/tickets/events/[id]/cancel/retry/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { addMember } from "@/lib/testing/factories";
import { startStripeStandIn, type StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import type { CancellationProgress } from "@/lib/events/cancel-event";
import {
  createPaidOrder,
  createStripePaidOrder,
  expectRefundedState,
  runJobs,
  setUpRefundEvent,
} from "@/lib/refunds/testing";
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
});

describe("event cancellation with Stripe failures (stand-in)", () => {
  let standIn: StripeStandIn;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
  });
  afterAll(async () => {
    await standIn.close();
    vi.unstubAllEnvs();
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
    standIn.reset();
    stubStripeEnv();
  });

  it("lists failed refunds with Stripe's reason and retries them", async () => {
    const { event, ga, owner } = await setUpRefundEvent();
    const order = await createStripePaidOrder(standIn, event.id, [{ tierId: ga.id, quantity: 1 }]);
    standIn.failWith = 400;
    standIn.failMessage = "This charge is too old to refund.";
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

    standIn.failWith = null;
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
