// The admin self-test end to end: a real job worker, the real webhook routes behind a loopback bridge (the
// test-mode refund events are posted to APP_URL), the dev mailbox as the email provider.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { findPublicEvents } from "@/lib/events/find-public-events";
import { jobDefinitions } from "@/lib/jobs/registry";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { runSelfTest } from "@/lib/self-test/run-self-test";
import type { SelfTestReport } from "@/lib/self-test/self-test-view";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";
import { POST } from "./route";

const path = "/api/tickets/admin/self-test";
const ADMIN = "admin@stagedoor.test";

describe("POST /api/tickets/admin/self-test", () => {
  const bridge = withWebhookBridge();
  let worker: RunningWorker | null = null;

  beforeAll(() => {
    vi.stubEnv("ADMIN_EMAILS", ADMIN);
    vi.stubEnv("DEV_MAILBOX", "true");
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv({ APP_URL: bridge.origin });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  const run = (cookie?: string) => POST(apiRequest(path, { method: "POST", cookie }), routeContext());

  it("runs an order through hold → payment → tickets → email → check-in → refund → void, all green", async () => {
    worker = startWorker({ definitions: jobDefinitions, pollIntervalMs: 50, concurrency: 4 });
    const admin = await createUserWithSession(ADMIN);
    const response = await run(admin.cookie);
    expect(response.status).toBe(200);
    const report = (await response.json()) as SelfTestReport;
    expect(
      report.steps.map((s) => [s.key, s.status, s.error]),
      JSON.stringify(report.steps, null, 2),
    ).toEqual([
      ["hold", "passed", null],
      ["payment", "passed", null],
      ["tickets", "passed", null],
      ["email", "passed", null],
      ["checkin", "passed", null],
      ["refund", "passed", null],
      ["void", "passed", null],
    ]);
    expect(report.ok).toBe(true);
    expect(report.durationMs).toBeLessThan(30_000);
    for (const step of report.steps) expect(step.durationMs).toBeGreaterThanOrEqual(0);

    const order = await db.order.findUniqueOrThrow({
      where: { id: report.orderId ?? "" },
      include: { tickets: true, organizer: true },
    });
    expect(order.status).toBe("refunded");
    expect(order.buyerEmail).toBe(ADMIN);
    expect(order.tickets.map((t) => t.status)).toEqual(["refunded", "refunded"]);
    expect(order.organizer.selfTest).toBe(true);
    expect(await db.organizerMember.count({ where: { organizerId: order.organizerId } })).toBe(0);
    // The payment went through the webhook store, once.
    expect(
      await db.webhookEvent.count({ where: { type: "checkout.session.completed", status: "processed" } }),
    ).toBe(1);
    expect(
      await db.emailOutbox.count({
        where: { orderId: order.id, template: "order-confirmation", status: "sent" },
      }),
    ).toBe(1);
    // Hidden: never among the public events.
    expect((await findPublicEvents()).map((e) => e.id)).not.toContain(order.eventId);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.self_test.run" } });
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      actorType: "admin",
      organizerId: order.organizerId,
    });
    expect(audit.data).toMatchObject({ ok: true, orderId: order.id });

    // A second run reuses the hidden world and passes again (the claim was released).
    const again = (await (await run(admin.cookie)).json()) as SelfTestReport;
    expect(again.ok).toBe(true);
    expect(await db.organizer.count({ where: { selfTest: true } })).toBe(1);
    expect(await db.event.count({ where: { organizer: { selfTest: true } } })).toBe(1);
  }, 90_000);

  it("reports a red step with its error and skips the rest (no worker: the payment is never processed)", async () => {
    const admin = await createUserWithSession(ADMIN);
    const report = await runSelfTest({ userId: admin.userId, email: ADMIN });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.key, s.status])).toEqual([
      ["hold", "passed"],
      ["payment", "failed"],
      ["tickets", "skipped"],
      ["email", "skipped"],
      ["checkin", "skipped"],
      ["refund", "skipped"],
      ["void", "skipped"],
    ]);
    expect(report.steps[1]?.error).toMatch(/no job worker is running/);
    expect(report.durationMs).toBeLessThan(10_000);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.self_test.run" } });
    expect(audit.data).toMatchObject({ ok: false });
  });

  it("refuses a second run while one is going (409), and takes over a claim left by a run that died", async () => {
    const admin = await createUserWithSession(ADMIN);
    // A worker that looks alive but processes nothing: the run waits for it until its time is up.
    await db.workerHeartbeat.create({ data: { id: "silent-worker", seenAt: new Date() } });
    const first = runSelfTest({ userId: admin.userId, email: ADMIN }, { timeoutMs: 1500 });
    // The first run holds the claim while it waits for the (absent) worker.
    await vi.waitFor(async () => {
      expect(await db.platformSetting.count({ where: { key: "self_test.running" } })).toBe(1);
    });
    const second = await run(admin.cookie);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { detail: string }).detail).toMatch(/already running/);
    const firstReport = await first;
    expect(firstReport.steps[1]?.error).toMatch(/not processed within 1\.5 s: is the job worker running\?/);
    expect(await db.platformSetting.count({ where: { key: "self_test.running" } })).toBe(0);

    // Control: a claim from a crashed run (older than the stale limit) does not block for ever.
    await db.platformSetting.create({
      data: { key: "self_test.running", value: { runId: "dead" } },
    });
    await db.$executeRaw`UPDATE tickets_platform_settings SET updated_at = now() - interval '1 hour'`;
    const taken = await runSelfTest({ userId: admin.userId, email: ADMIN }, { timeoutMs: 500 });
    expect(taken.steps[0]?.status).toBe("passed");
  });

  it("is 404 for non-admins and signed-out callers, and 409 with Stripe keys configured", async () => {
    const owner = await createUserWithSession("owner@example.test");
    expect((await run()).status).toBe(404);
    expect((await run(owner.cookie)).status).toBe(404);
    expect(await db.order.count()).toBe(0);

    stubStripeEnv({
      APP_URL: bridge.origin,
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
    });
    const admin = await createUserWithSession(ADMIN);
    const keyed = await run(admin.cookie);
    expect(keyed.status).toBe(409);
    expect(((await keyed.json()) as { detail: string }).detail).toMatch(/test mode only/);
  });
});
