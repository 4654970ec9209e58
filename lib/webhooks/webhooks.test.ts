// The webhook pipeline through the real route handlers: verify → store → queue → process with retries.
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as platformRoute from "@/app/api/tickets/webhooks/stripe/route";
import * as connectRoute from "@/app/api/tickets/webhooks/stripe-connect/route";
import { routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobDefinitions } from "@/lib/jobs/registry";
import { getTestModeWebhookSecret, signTestModeWebhook } from "@/lib/payments/webhook-secrets";
import { startStripeStandIn, type StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import {
  stubStripeEnv,
  stubStripeKeys,
  TEST_CONNECT_WEBHOOK_SECRET,
  TEST_PLATFORM_WEBHOOK_SECRET,
} from "@/lib/payments/testing/stub-stripe-env";
import { webhookHandlers } from "@/lib/webhooks/handlers";
import { processStripeEventJob } from "@/lib/webhooks/process-stripe-event";
import { replayWebhookEvent } from "@/lib/webhooks/replay-webhook-event";
import { resetDatabase } from "@/lib/testing/db";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const jobs = [processStripeEventJob];
let sequence = 0;

function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  extra: { account?: string; created?: number; livemode?: boolean } = {},
) {
  sequence += 1;
  return {
    id: `evt_test_${sequence}_${Date.now()}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: extra.created ?? Math.floor(Date.now() / 1000),
    livemode: extra.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(extra.account ? { account: extra.account } : {}),
    data: { object },
  };
}

function accountObject(id: string, state: { charges: boolean; payouts: boolean; due: string[] }) {
  return {
    id,
    object: "account",
    charges_enabled: state.charges,
    payouts_enabled: state.payouts,
    details_submitted: true,
    requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: state.due,
      eventually_due: state.due,
      past_due: [],
      pending_verification: [],
      disabled_reason: null,
      errors: [],
    },
  };
}

function deliver(
  route: typeof platformRoute | typeof connectRoute,
  body: string,
  signature: string | null,
): Promise<Response> {
  const path =
    route === platformRoute ? "/api/tickets/webhooks/stripe" : "/api/tickets/webhooks/stripe-connect";
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return route.POST(
    new Request(`http://localhost:3000${path}`, { method: "POST", headers, body }),
    routeContext(),
  );
}

function sign(body: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
}

async function makeDue() {
  await db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(Date.now() - 1000) } });
}

async function organizerWithAccount(accountId: string, options: { testMode?: boolean } = {}) {
  return db.organizer.create({
    data: {
      name: "The Loft",
      slug: `loft-${accountId.toLowerCase()}`,
      contactEmail: "hello@loft.example",
      defaultCurrency: "cad",
      timezone: "America/Vancouver",
      stripeAccountId: accountId,
      stripeTestMode: options.testMode ?? false,
    },
  });
}

describe("Stripe webhook endpoints", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIn.reset();
    stubStripeKeys(standIn.url);
  });
  afterEach(restoreEnv);

  it("stores a correctly signed event, queues one job in the same transaction and answers 200", async () => {
    const event = stripeEvent("customer.created", { id: "cus_1", object: "customer" });
    const body = JSON.stringify(event);
    const res = await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false });
    const rows = await db.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: event.id,
      type: "customer.created",
      account: null,
      status: "pending",
      attempts: 0,
    });
    expect(rows[0]?.payload).toEqual(event);
    const queued = await db.job.findMany();
    expect(queued.map((j) => [j.name, j.payload, j.singletonKey])).toEqual([
      ["stripe.process-event", { eventId: event.id }, `stripe-event:${event.id}`],
    ]);
    expect(jobDefinitions.map((d) => d.name)).toContain("stripe.process-event");
  });

  it("accepts a signed event holding NUL characters and stores them as U+FFFD (jsonb cannot hold NUL)", async () => {
    const event = stripeEvent("customer.created", { id: "cus_1", object: "customer", name: "Ana\u0000Lee" });
    const body = JSON.stringify(event);
    expect(body).toContain("\\u0000");
    const res = await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
    expect(res.status).toBe(200);
    const rows = await db.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.payload).toMatchObject({ data: { object: { id: "cus_1", name: "Ana\uFFFDLee" } } });
    expect(await db.job.count()).toBe(1);
  });

  it("stores nothing when the job cannot be queued (one transaction), so Stripe's retry finds a clean slate", async () => {
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION tickets_test_fail_job() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'job insert failed'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER tickets_test_fail_job BEFORE INSERT ON tickets_jobs
      FOR EACH ROW EXECUTE FUNCTION tickets_test_fail_job()`);
    const body = JSON.stringify(stripeEvent("customer.created", { id: "cus_1", object: "customer" }));
    try {
      const res = await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain("job insert failed");
      expect(await db.webhookEvent.count()).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER tickets_test_fail_job ON tickets_jobs`);
      await db.$executeRawUnsafe(`DROP FUNCTION tickets_test_fail_job()`);
    }
    expect((await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET))).status).toBe(200);
    expect(await db.webhookEvent.count()).toBe(1);
    expect(await db.job.count()).toBe(1);
  });

  it("rejects a bad or missing signature with 400 problem+json and stores nothing", async () => {
    const body = JSON.stringify(stripeEvent("customer.created", { id: "cus_1", object: "customer" }));
    const cases: [typeof platformRoute, string | null][] = [
      [platformRoute, sign(body, "whsec_someone_else")],
      [platformRoute, sign(body, TEST_CONNECT_WEBHOOK_SECRET)], // the other endpoint's secret
      [connectRoute, sign(body, TEST_PLATFORM_WEBHOOK_SECRET)],
      [platformRoute, sign(`${body} `, TEST_PLATFORM_WEBHOOK_SECRET)], // signature of a different body
      [platformRoute, null],
      [platformRoute, "t=1,v1=deadbeef"],
    ];
    for (const [route, signature] of cases) {
      const res = await deliver(route, body, signature);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await db.webhookEvent.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("in test mode rejects events signed with the secret that used to be public in the source", async () => {
    stubStripeEnv();
    const oldPublicSecret = "whsec_stagedoor_test_mode_only_not_a_real_secret";
    const event = stripeEvent("checkout.session.completed", {
      id: "cs_test_forged",
      object: "checkout.session",
    });
    const body = JSON.stringify(event);
    for (const route of [platformRoute, connectRoute]) {
      const res = await deliver(route, body, sign(body, oldPublicSecret));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await db.webhookEvent.count()).toBe(0);
    expect((await deliver(platformRoute, body, sign(body, await getTestModeWebhookSecret()))).status).toBe(
      200,
    );
    expect(await db.webhookEvent.count()).toBe(1);
  });

  it("rejects malformed JSON (or a non-event) even when correctly signed, storing nothing", async () => {
    for (const body of ['{"id": "evt_1", "type": ', JSON.stringify({ hello: "world" })]) {
      const res = await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await db.webhookEvent.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("treats a redelivery as a no-op: 200, still one row and one job, also after processing", async () => {
    const body = JSON.stringify(stripeEvent("customer.created", { id: "cus_1", object: "customer" }));
    for (let i = 0; i < 3; i++) {
      const res = await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { duplicate: boolean }).duplicate).toBe(i > 0);
    }
    expect(await db.webhookEvent.count()).toBe(1);
    expect(await db.job.count()).toBe(1);
    await runDueJobs(jobs);
    expect((await deliver(platformRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET))).status).toBe(200);
    expect(await db.job.count()).toBe(1);
  });

  it("the Connect endpoint falls back to the platform secret when its own is unset", async () => {
    stubStripeKeys(standIn.url, { STRIPE_CONNECT_WEBHOOK_SECRET: "" });
    const body = JSON.stringify(
      stripeEvent("customer.created", { id: "cus_1", object: "customer" }, { account: "acct_x" }),
    );
    const res = await deliver(connectRoute, body, sign(body, TEST_PLATFORM_WEBHOOK_SECRET));
    expect(res.status).toBe(200);
    expect((await db.webhookEvent.findFirstOrThrow()).account).toBe("acct_x");
  });
});

describe("processing stored events", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIn.reset();
    stubStripeKeys(standIn.url);
  });
  afterEach(() => {
    delete webhookHandlers["test.explode"];
    restoreEnv();
  });

  async function receive(event: ReturnType<typeof stripeEvent>) {
    const body = JSON.stringify(event);
    const res = await deliver(connectRoute, body, sign(body, TEST_CONNECT_WEBHOOK_SECRET));
    expect(res.status).toBe(200);
  }

  it("account.updated re-fetches the account and updates its organizer", async () => {
    const organizer = await organizerWithAccount("acct_live1");
    standIn.accounts.set(
      "acct_live1",
      accountObject("acct_live1", { charges: true, payouts: true, due: [] }),
    );
    const event = stripeEvent(
      "account.updated",
      accountObject("acct_live1", { charges: true, payouts: true, due: [] }),
      { account: "acct_live1" },
    );
    await receive(event);
    expect(await runDueJobs(jobs)).toEqual(["succeeded"]);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/accounts/acct_live1"]);
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
    });
    expect(stored.stripeSyncedAt).not.toBeNull();
    const row = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "processed", attempts: 1, lastError: null });
    expect(row.processedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({
      where: { organizerId: organizer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ["tickets.stripe.account_updated", "stripe"],
      ["tickets.webhook.processed", "stripe"],
    ]);
  });

  it("out of order: an older account.updated after a newer one still ends in the account's current state", async () => {
    const organizer = await organizerWithAccount("acct_ooo");
    const now = Math.floor(Date.now() / 1000);
    const older = stripeEvent(
      "account.updated",
      accountObject("acct_ooo", { charges: false, payouts: false, due: ["external_account"] }),
      { account: "acct_ooo", created: now - 60 },
    );
    const newer = stripeEvent(
      "account.updated",
      accountObject("acct_ooo", { charges: true, payouts: true, due: [] }),
      { account: "acct_ooo", created: now },
    );
    standIn.accounts.set("acct_ooo", accountObject("acct_ooo", { charges: true, payouts: true, due: [] }));
    await receive(newer);
    await receive(older);
    expect(await runDueJobs(jobs)).toEqual(["succeeded", "succeeded"]);
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({ stripeChargesEnabled: true, stripePayoutsEnabled: true });
    expect(stored.stripeRequirements).toMatchObject({ currently_due: [] });
    expect(await db.webhookEvent.count({ where: { status: "processed" } })).toBe(2);
  });

  it("in test mode (no keys) account.updated uses the verified payload, signed by the test-mode helper", async () => {
    stubStripeEnv();
    const organizer = await organizerWithAccount("acct_test_0123", { testMode: true });
    const event = stripeEvent(
      "account.updated",
      accountObject("acct_test_0123", { charges: true, payouts: false, due: ["external_account"] }),
      { account: "acct_test_0123" },
    );
    const body = JSON.stringify(event);
    expect((await deliver(connectRoute, body, await signTestModeWebhook(body, "connect"))).status).toBe(200);
    expect(await runDueJobs(jobs)).toEqual(["succeeded"]);
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({ stripeChargesEnabled: true, stripePayoutsEnabled: false });
    expect(stored.stripeRequirements).toMatchObject({ currently_due: ["external_account"] });
    expect(standIn.requests).toHaveLength(0);
  });

  it("marks unknown event types, unknown accounts and other-mode events ignored", async () => {
    const unknownType = stripeEvent("customer.created", { id: "cus_1", object: "customer" });
    const unknownAccount = stripeEvent(
      "account.updated",
      accountObject("acct_nobody", { charges: true, payouts: true, due: [] }),
      { account: "acct_nobody" },
    );
    const liveEvent = stripeEvent(
      "customer.created",
      { id: "cus_2", object: "customer" },
      { livemode: true },
    );
    for (const e of [unknownType, unknownAccount, liveEvent]) await receive(e);
    expect(await runDueJobs(jobs)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const rows = await db.webhookEvent.findMany({ orderBy: { receivedAt: "asc" } });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [unknownType.id, "ignored"],
      [unknownAccount.id, "ignored"],
      [liveEvent.id, "ignored"],
    ]);
    expect(standIn.requests).toHaveLength(0);
    expect(await db.organizer.count()).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: "tickets.webhook.ignored" } });
    expect(audit).toHaveLength(3);
  });

  it("a handler that throws is retried with backoff, ends failed after max attempts, and can be replayed", async () => {
    let calls = 0;
    let broken = true;
    webhookHandlers["test.explode"] = async () => {
      calls += 1;
      if (broken) throw new Error(`downstream unavailable (call ${calls})`);
    };
    const event = stripeEvent("test.explode", { id: "obj_1", object: "thing" });
    await receive(event);

    expect(await runDueJobs(jobs)).toEqual(["retry"]);
    let row = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toContain("downstream unavailable (call 1)");
    const job = await db.job.findFirstOrThrow();
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await runDueJobs(jobs)).toEqual([]); // not due yet: backoff

    const maxAttempts = processStripeEventJob.maxAttempts ?? 8;
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      await makeDue();
      expect(await runDueJobs(jobs)).toEqual([attempt === maxAttempts ? "failed" : "retry"]);
    }
    row = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(row.lastError).toContain(`call ${maxAttempts}`);
    expect(calls).toBe(maxAttempts);
    expect(await db.auditLog.count({ where: { action: "tickets.webhook.failed", entityId: event.id } })).toBe(
      1,
    );

    broken = false;
    expect(await replayWebhookEvent(event.id)).toEqual({ eventId: event.id, queued: true });
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("pending");
    expect(await runDueJobs(jobs)).toEqual(["succeeded"]);
    row = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "processed", attempts: maxAttempts + 1, lastError: null });
    expect(
      await db.auditLog.count({ where: { action: "tickets.webhook.replayed", entityId: event.id } }),
    ).toBe(1);
  });
});
