// Fault injection (issue 12 §2.4): the primary email provider failing in the ways it fails in production:
// an error answer (500), rate limiting (429), a connection refused, and an endpoint that accepts the
// request and never answers. Each time the fallback (a real SMTP server) delivers the message once, on the
// first attempt, and the outbox records which provider did.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { sendEmailJob } from "@/lib/email/send-email-job";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";
import { runDueJobs } from "@/lib/jobs/worker";
import { resetDatabase } from "@/lib/testing/db";
import { withEmailStandIns } from "@/lib/testing/email-stand-ins";

const standIns = withEmailStandIns();

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Sends one confirmation-like message with Resend at `resendUrl` first and the SMTP stand-in second. */
async function sendThroughChain(resendUrl: string) {
  stubEmailEnv({
    RESEND_API_KEY: "re_primary",
    RESEND_BASE_URL: resendUrl,
    SMTP_URL: standIns.smtp.url,
    EMAIL_PROVIDER_TIMEOUT_MS: "1000",
  });
  const { id } = await queueEmail({
    to: "fan@example.test",
    template: "magic-link",
    props: { url: "https://tickets.example.com/api/auth/callback/email?token=t", expiresInMinutes: 15 },
  });
  const outcomes = await runDueJobs([sendEmailJob]);
  return { outcomes, row: await db.emailOutbox.findUniqueOrThrow({ where: { id } }) };
}

function expectDeliveredByFallback({ outcomes, row }: Awaited<ReturnType<typeof sendThroughChain>>) {
  expect(outcomes).toEqual(["succeeded"]);
  expect(row).toMatchObject({ status: "sent", provider: "smtp", attempts: 1 });
  expect(standIns.smtp.received.map((m) => m.to)).toEqual([["fan@example.test"]]);
}

describe("the email provider failing", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIns.reset("re_unused");
  });
  afterEach(restoreEnv);

  it("Resend answering 500 or 429: the SMTP fallback sends", async () => {
    for (const status of [500, 429]) {
      standIns.reset("re_unused");
      standIns.resend.respondWith(status, { statusCode: status, name: "provider_error", message: "down" });
      expectDeliveredByFallback(await sendThroughChain(standIns.resend.url));
      expect(standIns.resend.requests.length).toBeGreaterThan(0);
    }
  });

  it("Resend unreachable (connection refused): the SMTP fallback sends", async () => {
    const gone = createServer();
    const url = await listen(gone);
    await close(gone);
    expectDeliveredByFallback(await sendThroughChain(url));
  });

  it("Resend accepting the request and never answering: cut off at the timeout, the SMTP fallback sends", async () => {
    let hung = 0;
    const silent = createServer(() => {
      hung += 1;
    });
    const url = await listen(silent);
    try {
      const started = Date.now();
      expectDeliveredByFallback(await sendThroughChain(url));
      expect(hung).toBe(1);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await close(silent);
    }
  });
});
