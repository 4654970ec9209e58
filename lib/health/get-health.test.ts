import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { getHealth } from "@/lib/health/get-health";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { getTestModeWebhookSecret } from "@/lib/payments/webhook-secrets";
import { resetDatabase } from "@/lib/testing/db";
import { GET } from "@/app/api/tickets/health/route";

const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere", 1);

describe("health", () => {
  beforeEach(resetDatabase);
  afterAll(() => unreachable.$disconnect());

  it("reports database and jobs ok when a worker heartbeat is fresh", async () => {
    await db.workerHeartbeat.create({ data: { id: "w1", seenAt: new Date() } });
    const response = await GET(new Request("http://localhost/api/tickets/health"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Awaited<ReturnType<typeof getHealth>>;
    expect(body.checks.database.status).toBe("ok");
    expect(body.checks.jobs.status).toBe("ok");
    expect(body.checks.email.status).toBe("ok");
  });

  it("says jobs are degraded with no live worker or an overdue backlog", async () => {
    expect((await getHealth()).checks.jobs.status).toBe("degraded");
    await db.workerHeartbeat.create({ data: { id: "w1", seenAt: new Date() } });
    await db.job.create({ data: { name: "x", payload: {}, runAt: new Date(Date.now() - 10 * 60_000) } });
    const jobs = (await getHealth()).checks.jobs;
    expect(jobs.status).toBe("degraded");
    expect(jobs.detail).toContain("1 overdue");
  });

  describe("payments mode", () => {
    afterEach(restoreEnv);
    const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };

    it("says test mode when payments are simulated, and is ok when production chose it", async () => {
      stubStripeEnv();
      expect((await getHealth()).checks.stripe).toMatchObject({ status: "ok", mode: "simulated" });
      stubStripeEnv({ ...production, STRIPE_TEST_MODE: "true" });
      const stripe = (await getHealth()).checks.stripe;
      expect(stripe).toMatchObject({ status: "ok", mode: "simulated" });
      expect(stripe.detail).toMatch(/^test mode \(STRIPE_TEST_MODE=true\): .*simulated/);
    });

    it("tells live keys from Stripe test-mode keys", async () => {
      const keys = { STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: "http://127.0.0.1:1" };
      stubStripeEnv({ ...production, ...keys, STRIPE_SECRET_KEY: "sk_live_x" });
      expect((await getHealth()).checks.stripe).toEqual({ status: "ok", mode: "live", detail: "live mode" });
      stubStripeEnv({ ...keys, STRIPE_SECRET_KEY: "sk_test_x" });
      expect((await getHealth()).checks.stripe).toMatchObject({ status: "ok", mode: "stripe_test" });
      stubStripeEnv({ STRIPE_SECRET_KEY: "sk_live_x" });
      expect((await getHealth()).checks.stripe).toMatchObject({ status: "degraded", mode: "live" });
    });

    it("never shows the test-mode webhook secret", async () => {
      stubStripeEnv();
      const secret = await getTestModeWebhookSecret();
      const response = await GET(new Request("http://localhost/api/tickets/health"), {
        params: Promise.resolve({}),
      });
      expect(await response.text()).not.toContain(secret.slice("whsec_".length));
    });
  });

  it("reports the database as degraded when it cannot be reached", async () => {
    const health = await getHealth(unreachable);
    expect(health.status).toBe("degraded");
    expect(health.checks.database.status).toBe("degraded");
    expect(health.checks.jobs.detail).toBe("database unreachable");
  });
});
