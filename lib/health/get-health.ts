import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { getPaymentsMode, type PaymentsMode } from "@/lib/payments/payments-mode";

export type CheckStatus = "ok" | "degraded";

export interface Check {
  status: CheckStatus;
  detail: string;
}

export interface Health {
  status: CheckStatus;
  checks: { database: Check; jobs: Check; email: Check; stripe: Check & { mode: PaymentsMode } };
}

const HEARTBEAT_FRESH_MS = 30_000;
const OVERDUE_MS = 120_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  ]);
}

async function checkDatabase(db: Db): Promise<Check> {
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, 3000);
    return { status: "ok", detail: "reachable" };
  } catch (error) {
    return {
      status: "degraded",
      detail: `unreachable: ${error instanceof Error ? error.message.split("\n")[0] : "error"}`,
    };
  }
}

async function checkJobs(db: Db): Promise<Check> {
  const now = Date.now();
  const [workers, overdue, failed] = await withTimeout(
    Promise.all([
      db.workerHeartbeat.count({ where: { seenAt: { gte: new Date(now - HEARTBEAT_FRESH_MS) } } }),
      db.job.count({ where: { status: "queued", runAt: { lt: new Date(now - OVERDUE_MS) } } }),
      db.job.count({ where: { status: "failed", finishedAt: { gte: new Date(now - 24 * 60 * 60 * 1000) } } }),
    ]),
    3000,
  );
  const detail = `${workers} worker(s) alive, ${overdue} overdue, ${failed} failed in 24 h`;
  return { status: workers > 0 && overdue === 0 ? "ok" : "degraded", detail };
}

function checkEmail(): Check {
  const providers = [env.RESEND_API_KEY && "resend", env.SMTP_URL && "smtp"].filter(Boolean);
  if (providers.length > 0) return { status: "ok", detail: `providers: ${providers.join(" → ")}` };
  if (env.DEV_MAILBOX) return { status: "ok", detail: "development mailbox at /tickets/dev/mailbox" };
  return { status: "degraded", detail: "no email provider configured (RESEND_API_KEY or SMTP_URL)" };
}

/** `mode` says how payments run (see getPaymentsMode); production runs keyless only when STRIPE_TEST_MODE=true. */
function checkStripe(): Check & { mode: PaymentsMode } {
  const mode = getPaymentsMode();
  if (mode === "simulated") {
    const chosen = env.STRIPE_TEST_MODE ? " (STRIPE_TEST_MODE=true)" : "";
    return {
      status: "ok",
      mode,
      detail: `test mode${chosen}: no Stripe keys, payments are simulated by the built-in payment page`,
    };
  }
  const keys = mode === "live" ? "live keys" : "Stripe test-mode keys";
  if (!env.STRIPE_WEBHOOK_SECRET)
    return { status: "degraded", mode, detail: `${keys}, but STRIPE_WEBHOOK_SECRET is missing` };
  return { status: "ok", mode, detail: mode === "live" ? "live mode" : "test mode: Stripe test-mode keys" };
}

export async function getHealth(db: Db = defaultDb): Promise<Health> {
  const database = await checkDatabase(db);
  const jobs: Check =
    database.status === "ok"
      ? await checkJobs(db).catch((e: unknown) => ({ status: "degraded" as const, detail: String(e) }))
      : { status: "degraded", detail: "database unreachable" };
  const checks = { database, jobs, email: checkEmail(), stripe: checkStripe() };
  const status = Object.values(checks).every((c) => c.status === "ok") ? "ok" : "degraded";
  return { status, checks };
}
