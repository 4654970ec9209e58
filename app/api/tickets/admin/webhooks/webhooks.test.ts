// The admin's webhook events: list (filters, keyset paging), detail with the payload, replay of a dead
// letter (idempotent, also when concurrent), and the test-mode dead-letter seed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { jobDefinitions } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/worker";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { createTestDeadLetter } from "@/lib/webhooks/create-test-dead-letter";
import { replayWebhookEvent } from "@/lib/webhooks/replay-webhook-event";
import type { WebhookEventDetail, WebhookEventPage } from "@/lib/webhooks/webhook-event-view";
import { GET as getEvent } from "./[id]/route";
import { POST as replay } from "./[id]/replay/route";
import { GET as list } from "./route";
import { POST as seedDeadLetter } from "./test-dead-letter/route";

const ADMIN = "admin@stagedoor.test";

async function pendingTestModeOrder(quantity = 2) {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  await db.organizer.update({ where: { id: organizer.id }, data: { stripeTestMode: true } });
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id, { capacity: 10 });
  const { orderId } = await createCheckoutSession({
    eventId: event.id,
    items: [{ tierId: tier.id, quantity }],
    buyer: { email: "fan@example.test", name: "Fan" },
  });
  return { orderId, tier };
}

async function expectPaidOnce(orderId: string, quantity: number) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true } });
  expect(order.status).toBe("paid");
  expect(order.tickets).toHaveLength(quantity);
  expect(await db.auditLog.count({ where: { action: "tickets.order.paid", entityId: orderId } })).toBe(1);
  expect(await db.emailOutbox.count({ where: { orderId, template: "order-confirmation" } })).toBe(1);
}

describe("admin webhook events", () => {
  let admin: { userId: string; cookie: string };
  beforeAll(() => {
    vi.stubEnv("ADMIN_EMAILS", ADMIN);
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
    admin = await createUserWithSession(ADMIN);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  const seed = async (orderId: string) => {
    const response = await seedDeadLetter(
      apiRequest("/api/tickets/admin/webhooks/test-dead-letter", { cookie: admin.cookie, body: { orderId } }),
      routeContext(),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { eventId: string }).eventId;
  };
  const replayAs = (eventId: string, cookie?: string) =>
    replay(
      apiRequest(`/api/tickets/admin/webhooks/${eventId}/replay`, { method: "POST", cookie }),
      routeContext({ id: eventId }),
    );

  it("lists events newest first, filters by status and type, and pages by keyset without gaps", async () => {
    const base = Date.now() - 60_000;
    for (let i = 0; i < 7; i++) {
      await db.webhookEvent.create({
        data: {
          id: `evt_${i}`,
          type: i % 2 === 0 ? "checkout.session.completed" : "account.updated",
          payload: { id: `evt_${i}` },
          status: i < 3 ? "failed" : "processed",
          attempts: i < 3 ? 8 : 1,
          lastError: i < 3 ? `boom ${i}` : null,
          // Two events share a timestamp: the id breaks the tie.
          receivedAt: new Date(base + Math.min(i, 5) * 1000),
        },
      });
    }
    const page = async (query: string) => {
      const response = await list(
        apiRequest(`/api/tickets/admin/webhooks?${query}`, { cookie: admin.cookie }),
        routeContext(),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as WebhookEventPage;
    };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result: WebhookEventPage = await page(`limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(result.events.length).toBeLessThanOrEqual(3);
      seen.push(...result.events.map((e) => e.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["evt_6", "evt_5", "evt_4", "evt_3", "evt_2", "evt_1", "evt_0"]);

    const failed = await page("status=failed");
    expect(failed.events.map((e) => [e.id, e.status, e.attempts, e.lastError])).toEqual([
      ["evt_2", "failed", 8, "boom 2"],
      ["evt_1", "failed", 8, "boom 1"],
      ["evt_0", "failed", 8, "boom 0"],
    ]);
    expect((await page("status=failed&type=account.updated")).events.map((e) => e.id)).toEqual(["evt_1"]);

    const bad = await list(
      apiRequest("/api/tickets/admin/webhooks?status=exploded", { cookie: admin.cookie }),
      routeContext(),
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("status");
    const badCursor = await list(
      apiRequest("/api/tickets/admin/webhooks?cursor=nonsense", { cookie: admin.cookie }),
      routeContext(),
    );
    expect(badCursor.status).toBe(422);
  });

  it("shows one event with its payload; unknown ids are 404", async () => {
    const { orderId } = await pendingTestModeOrder();
    const eventId = await seed(orderId);
    const response = await getEvent(
      apiRequest(`/api/tickets/admin/webhooks/${eventId}`, { cookie: admin.cookie }),
      routeContext({ id: eventId }),
    );
    expect(response.status).toBe(200);
    const detail = (await response.json()) as WebhookEventDetail;
    expect(detail).toMatchObject({ id: eventId, status: "failed", replayable: true });
    expect(detail.payload).toMatchObject({
      id: eventId,
      type: "checkout.session.completed",
      data: { object: { metadata: { order_id: orderId } } },
    });
    const missing = await getEvent(
      apiRequest("/api/tickets/admin/webhooks/evt_nope", { cookie: admin.cookie }),
      routeContext({ id: "evt_nope" }),
    );
    expect(missing.status).toBe(404);
  });

  it("replaying a dead-lettered checkout.session.completed pays the order once; a second replay is a no-op, then 409", async () => {
    const { orderId } = await pendingTestModeOrder(2);
    const eventId = await seed(orderId);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    expect(await db.job.count({ where: { name: "stripe.process-event" } })).toBe(0);

    const first = await replayAs(eventId, admin.cookie);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ eventId, queued: true });
    const again = await replayAs(eventId, admin.cookie);
    expect(await again.json()).toEqual({ eventId, queued: false });
    expect(await db.job.count({ where: { name: "stripe.process-event" } })).toBe(1);

    expect(await runDueJobs(jobDefinitions)).toContain("succeeded");
    await expectPaidOnce(orderId, 2);
    const row = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(row).toMatchObject({ status: "processed", lastError: null, attempts: 9 });

    const late = await replayAs(eventId, admin.cookie);
    expect(late.status).toBe(409);
    await runDueJobs(jobDefinitions);
    await expectPaidOnce(orderId, 2);
    const audits = await db.auditLog.findMany({
      where: { action: "tickets.webhook.replayed", entityId: eventId },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: admin.userId, actorType: "admin" });
  });

  it("is 404 for non-admins and signed-out callers on every webhook route", async () => {
    const { orderId } = await pendingTestModeOrder(1);
    const eventId = await seed(orderId);
    const owner = await createUserWithSession("owner@example.test");
    for (const cookie of [undefined, owner.cookie]) {
      expect((await list(apiRequest("/api/tickets/admin/webhooks", { cookie }), routeContext())).status).toBe(
        404,
      );
      expect(
        (
          await getEvent(
            apiRequest(`/api/tickets/admin/webhooks/${eventId}`, { cookie }),
            routeContext({ id: eventId }),
          )
        ).status,
      ).toBe(404);
      expect((await replayAs(eventId, cookie)).status).toBe(404);
      expect(
        (
          await seedDeadLetter(
            apiRequest("/api/tickets/admin/webhooks/test-dead-letter", { cookie, body: { orderId } }),
            routeContext(),
          )
        ).status,
      ).toBe(404);
    }
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("failed");
  });

  it("the dead-letter seed: 422 without an order id, 409 for an order not waiting for payment, 404 with Stripe keys", async () => {
    const bad = await seedDeadLetter(
      apiRequest("/api/tickets/admin/webhooks/test-dead-letter", { cookie: admin.cookie, body: {} }),
      routeContext(),
    );
    expect(bad.status).toBe(422);
    const { orderId } = await pendingTestModeOrder(1);
    const eventId = await seed(orderId);
    await replayAs(eventId, admin.cookie);
    await runDueJobs(jobDefinitions);
    const paid = await seedDeadLetter(
      apiRequest("/api/tickets/admin/webhooks/test-dead-letter", { cookie: admin.cookie, body: { orderId } }),
      routeContext(),
    );
    expect(paid.status).toBe(409);
    stubStripeEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" });
    const keyed = await seedDeadLetter(
      apiRequest("/api/tickets/admin/webhooks/test-dead-letter", { cookie: admin.cookie, body: { orderId } }),
      routeContext(),
    );
    expect(keyed.status).toBe(404);
  });
});

describe.skipIf(onEmbeddedDatabase())("concurrent replays (needs a PostgreSQL server)", () => {
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });

  it("ten replays at once queue it once and the order is paid once; the control without the row lock lets several replays through", async () => {
    const admin = await createUserWithSession(ADMIN);
    const { orderId } = await pendingTestModeOrder(3);
    const eventId = await seedFor(orderId, admin.userId);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => replayWebhookEvent(eventId, { actorUserId: admin.userId })),
    );
    expect(results.filter((r) => r.queued)).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "tickets.webhook.replayed", entityId: eventId } }),
    ).toBe(1);
    const outcomes = (
      await Promise.all(Array.from({ length: 4 }, (_, i) => runDueJobs(jobDefinitions, `worker-${i}`)))
    ).flat();
    expect(outcomes.filter((o) => o === "succeeded").length).toBeGreaterThan(0);
    await expectPaidOnce(orderId, 3);

    // Control: the same ten replays reading the status without FOR UPDATE all see the dead letter, and
    // more than one records a replay of it (the decision the row lock serialises).
    const other = await pendingTestModeOrder(1);
    const controlId = await seedFor(other.orderId, admin.userId);
    const control = await Promise.all(
      Array.from({ length: 10 }, () =>
        replayWebhookEvent(controlId, { actorUserId: admin.userId, unsafeSkipLock: true }),
      ),
    );
    const replayed = await db.auditLog.count({
      where: { action: "tickets.webhook.replayed", entityId: controlId },
    });
    expect(control.filter((r) => r.queued).length).toBe(replayed);
    expect(replayed).toBeGreaterThan(1);
  });
});

async function seedFor(orderId: string, actorUserId: string): Promise<string> {
  return (await createTestDeadLetter({ orderId }, { actorUserId })).eventId;
}
