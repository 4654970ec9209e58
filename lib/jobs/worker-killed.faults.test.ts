// Fault injection (issue 12 §2.4): the job worker killed mid-job. Real `npm run worker` processes
// (lib/server/worker.ts) on the test's database are SIGKILLed twice: once inside the payment's transaction
// (order marked paid, tickets being written, not committed), once while its confirmation email is on the
// wire to a real SMTP server that has not yet accepted it. Each time the job stays `running` under the dead
// worker's lease, is requeued only once the lease has expired, and a fresh worker process finishes it: one
// set of tickets, one outbox row, one message received.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { AddressInfo } from "node:net";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { completeTestModePayment } from "@/lib/checkout/test-mode-payment";
import { createPrismaClient, db } from "@/lib/db";
import { requeueStaleJobs } from "@/lib/jobs/worker";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EMBEDDED = onEmbeddedDatabase();
const SKIP_REASON = "needs a real PostgreSQL server (set DATABASE_URL): worker processes connect to it";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** An SMTP server that can hold each message before accepting it (the sender waits for its 250). */
async function startGatedSmtp() {
  const received: string[] = [];
  const held: (() => void)[] = [];
  let gate = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const accept = () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(","));
          callback();
        };
        if (gate) held.push(() => callback(new Error("sender went away")));
        else accept();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    held,
    hold: (on: boolean) => (gate = on),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(EMBEDDED)(
  `the job worker killed mid-job${EMBEDDED ? ` (skipped: ${SKIP_REASON})` : ""}`,
  () => {
    const bridge = withWebhookBridge();
    let smtp: Awaited<ReturnType<typeof startGatedSmtp>>;
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      smtp = await startGatedSmtp();
    });
    afterAll(async () => {
      for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
      await smtp.close();
      vi.unstubAllEnvs();
    });
    beforeEach(async () => {
      await resetDatabase();
      stubStripeEnv();
    });

    function startWorkerProcess(): ChildProcess {
      const worker = spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./lib/server/hooks.mjs", "lib/server/worker.ts"],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            DATABASE_URL: inject("databaseUrl"),
            NODE_ENV: "test",
            LOG_LEVEL: "silent",
            WORKER_CONCURRENCY: "1",
            SMTP_URL: smtp.url,
            RESEND_API_KEY: "",
            DEV_MAILBOX: "false",
          },
          stdio: "ignore",
        },
      );
      workers.push(worker);
      return worker;
    }

    async function kill(worker: ChildProcess): Promise<void> {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGKILL");
      await exited;
    }

    async function job(name: string) {
      return db.job.findFirst({ where: { name }, orderBy: { createdAt: "asc" } });
    }

    /** The dead worker's lease still holds the job; once it has expired the job is queued again. */
    async function expectRequeuedAfterLease(name: string, leaseMs: number) {
      expect((await job(name))?.status).toBe("running");
      expect(await requeueStaleJobs(60_000)).toBe(0);
      await sleep(leaseMs + 100);
      expect(await requeueStaleJobs(leaseMs)).toBe(1);
      expect((await job(name))?.status).toBe("queued");
    }

    it("reruns the payment and the email after the lease: one set of tickets, one email", async () => {
      const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
      const event = await createOnSaleEvent(organizer.id);
      const tier = await createTier(event.id, { capacity: 10 });
      const { orderId } = await createCheckoutSession({
        eventId: event.id,
        items: [{ tierId: tier.id, quantity: 2 }],
        buyer: { email: "fan@example.test", name: "Fan" },
      });
      await completeTestModePayment({
        orderId,
        token: orderAccessTokenFor(orderId).token,
        outcome: "pay",
        origin: bridge.origin,
      });

      // 1. Killed inside the payment's transaction: a lock of the test's keeps its ticket insert waiting.
      const locker = createPrismaClient(inject("databaseUrl"), 1);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let lockerPid = 0;
      const locked = new Promise<void>((resolve) => {
        void locker.$transaction(
          async (tx) => {
            const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
            lockerPid = row?.pid ?? 0;
            await tx.$executeRaw`LOCK TABLE tickets_tickets IN SHARE MODE`;
            resolve();
            await released;
          },
          { timeout: 60_000 },
        );
      });
      await locked;
      const first = startWorkerProcess();
      const blocked = await until("the worker's payment transaction to wait on the ticket lock", async () => {
        const rows = await db.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity WHERE ${lockerPid}::int = ANY(pg_blocking_pids(pid))`;
        return rows[0]?.pid;
      });
      // The worker has marked the order paid inside its transaction (its own view), not committed.
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
      await kill(first);
      release();
      await until("the dead worker's backend to end", async () => {
        const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${blocked}::int`;
        return rows[0]?.n === 0;
      });
      await locker.$disconnect();
      expect(await db.ticket.count()).toBe(0);
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
      await expectRequeuedAfterLease("stripe.process-event", 500);

      // 2. Killed while the confirmation email is on the wire (the SMTP server has not accepted it yet).
      smtp.hold(true);
      const second = startWorkerProcess();
      await until("the email to reach the SMTP server", async () => smtp.held.length > 0);
      expect(await db.ticket.count({ where: { orderId } })).toBe(2);
      await kill(second);
      smtp.hold(false);
      for (const refuse of smtp.held.splice(0)) refuse();
      expect(smtp.received).toHaveLength(0);
      await expectRequeuedAfterLease("email.send", 500);

      // 3. A fresh worker finishes the job; nothing ran twice.
      const third = startWorkerProcess();
      await until("the email to be sent", async () => (await job("email.send"))?.status === "succeeded");
      await kill(third);
      expect(smtp.received).toEqual(["fan@example.test"]);
      expect(await db.ticket.count()).toBe(2);
      const outbox = await db.emailOutbox.findMany({ where: { orderId } });
      expect(outbox.map((o) => o.status)).toEqual(["sent"]);
      expect(await db.job.count({ where: { name: "email.send" } })).toBe(1);
      expect((await job("stripe.process-event"))?.status).toBe("succeeded");
      expect((await job("stripe.process-event"))?.attempts).toBe(2);
      expect((await job("email.send"))?.attempts).toBe(2);
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    }, 300_000);
  },
);
