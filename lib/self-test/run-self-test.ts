// The admin self-test: one complete order through the real pipeline in test mode, on the hidden self-test
// event (ensureSelfTestEvent): hold (checkout) → payment (a signed Stripe-format event through the webhook
// receiver and the job worker) → tickets → confirmation email (queued, then sent by the worker) → check-in
// (a live scan through lib/checkin) → refund (the one refund path: job → test-mode Stripe events → webhook)
// → the tickets void (refunded, revoked, refused at the door). Each step is timed; the first red step
// stops the rest (skipped). The whole run is bounded by SELF_TEST_TIMEOUT_MS and one runs at a time.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { validateScan } from "@/lib/checkin/validate-scan";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import {
  buildTestModeCheckoutEvent,
  testModeCheckoutOrderSelect,
} from "@/lib/checkout/test-mode-checkout-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ORDER_CONFIRMATION_TEMPLATE } from "@/lib/orders/queue-order-confirmation";
import { orderReference } from "@/lib/orders/order-summary";
import { getPaymentsMode } from "@/lib/payments/payments-mode";
import { signTestModeWebhook } from "@/lib/payments/webhook-secrets";
import { requestRefund } from "@/lib/refunds/request-refund";
import { ensureSelfTestEvent, type SelfTestWorld } from "@/lib/self-test/ensure-self-test-event";
import {
  SELF_TEST_STEPS,
  type SelfTestReport,
  type SelfTestStepKey,
  type SelfTestStepResult,
} from "@/lib/self-test/self-test-view";
import { receiveStripeWebhook } from "@/lib/webhooks/receive-stripe-webhook";

export const SELF_TEST_TIMEOUT_MS = 30_000;
const QUANTITY = 2;
/** The claim row in tickets_platform_settings: one run at a time across every app instance. */
const CLAIM_KEY = "self_test.running";
/** A worker that wrote no heartbeat for this long is gone (workers write one every 10 s). */
const WORKER_SILENT_MS = 60_000;
/** A claim older than this belongs to a run that died (a crashed instance): it may be taken over. */
const STALE_CLAIM_MS = SELF_TEST_TIMEOUT_MS * 4;

export interface SelfTestOptions {
  timeoutMs?: number;
  pollMs?: number;
}

/** Takes the run claim, or returns false when another run holds a fresh one (one SQL statement). */
async function claimRun(runId: string): Promise<boolean> {
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO tickets_platform_settings (key, value, updated_at)
    VALUES (${CLAIM_KEY}, ${JSON.stringify({ runId })}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
      WHERE tickets_platform_settings.updated_at < ${staleBefore}
    RETURNING key`;
  return rows.length > 0;
}

async function releaseRun(runId: string): Promise<void> {
  await db.$executeRaw`
    DELETE FROM tickets_platform_settings WHERE key = ${CLAIM_KEY} AND value->>'runId' = ${runId}`;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Runs the self-test for a platform admin (the confirmation email goes to them). 409 when a run is already
 * going, or when Stripe keys are set (the self-test runs in the built-in test mode only). Audited
 * `tickets.self_test.run` with each step's outcome.
 */
export async function runSelfTest(
  actor: { userId: string; email: string },
  options: SelfTestOptions = {},
): Promise<SelfTestReport> {
  if (getPaymentsMode() !== "simulated") {
    throw AppError.conflict(
      "The self-test runs in the built-in test mode only (no Stripe keys): with keys it would charge a real Stripe account.",
    );
  }
  const runId = randomUUID();
  if (!(await claimRun(runId))) {
    throw AppError.conflict("A self-test is already running: wait for its report.");
  }
  try {
    const { report, world } = await runSteps(runId, actor, options);
    await db.$transaction((tx) =>
      recordAudit(tx, {
        organizerId: world?.organizerId ?? null,
        actorUserId: actor.userId,
        actorType: "admin",
        action: "tickets.self_test.run",
        entityType: "self_test",
        entityId: runId,
        data: {
          ok: report.ok,
          orderId: report.orderId,
          durationMs: report.durationMs,
          steps: report.steps.map(({ key, status, durationMs, error }) => ({
            key,
            status,
            durationMs,
            error,
          })),
        },
      }),
    );
    return report;
  } finally {
    await releaseRun(runId);
  }
}

async function runSteps(
  runId: string,
  actor: { userId: string; email: string },
  options: SelfTestOptions,
): Promise<{ report: SelfTestReport; world: SelfTestWorld | null }> {
  const timeoutMs = options.timeoutMs ?? SELF_TEST_TIMEOUT_MS;
  const pollMs = options.pollMs ?? 100;
  const startedAt = new Date();
  const deadline = startedAt.getTime() + timeoutMs;
  const results: SelfTestStepResult[] = [];
  let failed = false;

  const step = async (key: SelfTestStepKey, run: () => Promise<string>): Promise<void> => {
    const label = SELF_TEST_STEPS.find((s) => s.key === key)?.label ?? key;
    if (failed) {
      results.push({ key, label, status: "skipped", durationMs: 0, error: null, detail: null });
      return;
    }
    const started = performance.now();
    try {
      if (Date.now() > deadline) throw new Error(`out of time (${timeoutMs / 1000} s for the whole test)`);
      const detail = await run();
      results.push({
        key,
        label,
        status: "passed",
        durationMs: Math.round(performance.now() - started),
        error: null,
        detail,
      });
    } catch (error) {
      failed = true;
      results.push({
        key,
        label,
        status: "failed",
        durationMs: Math.round(performance.now() - started),
        error: message(error),
        detail: null,
      });
    }
  };

  /** Polls `check` until it gives a value, within the run's deadline (the job worker does the work). */
  const waitFor = async <T>(what: string, check: () => Promise<T | null>): Promise<T> => {
    for (;;) {
      const value = await check();
      if (value !== null) return value;
      if (Date.now() + pollMs > deadline) {
        throw new Error(`${what} within ${timeoutMs / 1000} s: is the job worker running?`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };

  let world: SelfTestWorld | null = null;
  let orderId: string | null = null;
  let tickets: { id: string; secret: string }[] = [];

  await step("hold", async () => {
    world = await ensureSelfTestEvent(actor.userId);
    const checkout = await createCheckoutSession({
      eventId: world.eventId,
      items: [{ tierId: world.tierId, quantity: QUANTITY }],
      buyer: { email: actor.email, name: "Stagedoor self-test" },
    });
    orderId = checkout.orderId;
    const held = await db.hold.aggregate({
      where: { orderId, releasedAt: null, convertedAt: null, expiresAt: { gt: new Date() } },
      _sum: { quantity: true },
    });
    if (held._sum.quantity !== QUANTITY) {
      throw new Error(`expected ${QUANTITY} seats held, found ${held._sum.quantity ?? 0}`);
    }
    return `order ${orderReference(orderId)}: ${QUANTITY} seats held`;
  });

  await step("payment", async () => {
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId ?? "" },
      select: testModeCheckoutOrderSelect,
    });
    if (!order.stripeCheckoutSessionId) throw new Error("the order has no test-mode checkout session");
    const worker = await db.workerHeartbeat.findFirst({
      where: { seenAt: { gt: new Date(Date.now() - WORKER_SILENT_MS) } },
      select: { id: true },
    });
    if (!worker) {
      throw new Error(
        `no job worker is running (no heartbeat in the last ${WORKER_SILENT_MS / 1000} s): webhooks, emails and refunds wait for one`,
      );
    }
    const event = buildTestModeCheckoutEvent(
      { ...order, stripeCheckoutSessionId: order.stripeCheckoutSessionId },
      "pay",
    );
    await receiveStripeWebhook({
      endpoint: event.endpoint,
      rawBody: event.payload,
      signature: await signTestModeWebhook(event.payload, event.endpoint),
    });
    await waitFor("the payment event was not processed", async () => {
      const row = await db.webhookEvent.findUniqueOrThrow({
        where: { id: event.eventId },
        select: { status: true, lastError: true },
      });
      if (row.status === "failed" || row.status === "ignored") {
        throw new Error(`the payment event ended ${row.status}${row.lastError ? `: ${row.lastError}` : ""}`);
      }
      return row.status === "processed" ? row : null;
    });
    return `${event.type} ${event.eventId} verified, stored and processed`;
  });

  await step("tickets", async () => {
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId ?? "" },
      select: { status: true, tickets: { select: { id: true, secret: true, status: true } } },
    });
    if (order.status !== "paid") throw new Error(`the order is ${order.status}, not paid`);
    const valid = order.tickets.filter((t) => t.status === "valid");
    if (order.tickets.length !== QUANTITY || valid.length !== QUANTITY) {
      throw new Error(`expected ${QUANTITY} valid tickets, found ${valid.length} of ${order.tickets.length}`);
    }
    tickets = valid;
    return `${QUANTITY} tickets issued`;
  });

  await step("email", async () => {
    const outbox = await waitFor("no confirmation email was sent", async () => {
      const row = await db.emailOutbox.findFirst({
        where: { orderId: orderId ?? "", template: ORDER_CONFIRMATION_TEMPLATE },
        select: { status: true, lastError: true, provider: true, toAddress: true },
      });
      if (!row) throw new Error("no confirmation email was queued");
      if (row.status === "failed") throw new Error(`the confirmation email failed: ${row.lastError ?? ""}`);
      return row.status === "sent" ? row : null;
    });
    return `sent to ${outbox.toAddress} via ${outbox.provider ?? "?"}`;
  });

  const scan = async (secret: string, n: number) => {
    assertScanningEnabled();
    const self = world;
    if (!self) throw new Error("no self-test event");
    return validateScan(
      { id: self.deviceId, name: self.deviceName, eventId: self.eventId, organizerId: self.organizerId },
      { code: secret, nonce: `self-test-${runId}-${n}`, scannedAt: new Date().toISOString() },
    );
  };

  await step("checkin", async () => {
    const first = tickets[0];
    if (!first) throw new Error("no ticket to scan");
    const result = await scan(first.secret, 1);
    if (result.outcome !== "admitted") {
      throw new Error(`the scan was ${result.outcome}${result.reason ? ` (${result.reason})` : ""}`);
    }
    return "first ticket admitted";
  });

  await step("refund", async () => {
    const refund = await requestRefund(
      { userId: actor.userId, organizerId: null, isAdmin: true },
      orderId ?? "",
      { reason: "Stagedoor self-test", adminOverrideNote: "Admin self-test run" },
      { source: "admin" },
    );
    const settled = await waitFor("the refund did not succeed", async () => {
      const row = await db.refund.findUniqueOrThrow({
        where: { id: refund.id },
        select: { status: true, failureReason: true, amountMinor: true },
      });
      if (row.status === "failed") throw new Error(`the refund failed: ${row.failureReason ?? ""}`);
      return row.status === "succeeded" ? row : null;
    });
    return `refund of ${settled.amountMinor} (minor units) succeeded`;
  });

  await step("void", async () => {
    const order = await db.order.findUniqueOrThrow({
      where: { id: orderId ?? "" },
      select: { status: true, tickets: { select: { id: true, status: true, voidedAt: true } } },
    });
    if (order.status !== "refunded") throw new Error(`the order is ${order.status}, not refunded`);
    const live = order.tickets.filter((t) => t.status === "valid" || t.voidedAt === null);
    if (live.length > 0) throw new Error(`${live.length} ticket(s) still valid`);
    const revoked = await db.revokedSecret.count({
      where: { ticketId: { in: order.tickets.map((t) => t.id) } },
    });
    if (revoked < order.tickets.length) {
      throw new Error(`${order.tickets.length - revoked} ticket(s) missing from the revocation list`);
    }
    const second = tickets[1];
    if (!second) throw new Error("no second ticket to scan");
    const result = await scan(second.secret, 2);
    if (result.outcome !== "rejected") throw new Error(`a refunded ticket was ${result.outcome} at the door`);
    return `${order.tickets.length} tickets refunded and revoked; the door refuses them (${result.reason})`;
  });

  return {
    world,
    report: {
      ok: results.every((r) => r.status === "passed"),
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      orderId,
      steps: results,
    },
  };
}
