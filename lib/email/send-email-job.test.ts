import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { runDueJobs } from "@/lib/jobs/worker";
import { queueEmail } from "@/lib/email/queue-email";
import { sendEmailJob } from "@/lib/email/send-email-job";
import { unreachableSmtpUrl } from "@/lib/email/testing/smtp-server";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";
import { resetDatabase } from "@/lib/testing/db";
import { withEmailStandIns } from "@/lib/testing/email-stand-ins";

const url = "https://tickets.example.com/api/auth/callback/email?token=t0ken";
const queueMagicLink = () =>
  queueEmail({ to: "ana@example.com", template: "magic-link", props: { url, expiresInMinutes: 15 } });
const outbox = (id: string) => db.emailOutbox.findUniqueOrThrow({ where: { id } });
const emailJob = () =>
  db.job.findFirstOrThrow({ where: { name: "email.send" }, orderBy: { createdAt: "desc" } });
/** Stands in for the backoff delay passing. */
const makeDue = async () => {
  await db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(Date.now() - 1000) } });
};

const standIns = withEmailStandIns();

describe("email.send job", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIns.reset("re_delivered_1");
  });
  afterEach(restoreEnv);

  it("delivers through the dev mailbox when nothing real is configured", async () => {
    stubEmailEnv({ DEV_MAILBOX: "true" });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    const row = await outbox(id);
    expect(row).toMatchObject({
      status: "sent",
      provider: "dev-mailbox",
      providerMessageId: `dev-mailbox-${id}`,
      attempts: 1,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("delivers through Resend at the configured base URL when RESEND_API_KEY is set", async () => {
    stubEmailEnv({
      RESEND_API_KEY: "re_env_key",
      RESEND_BASE_URL: standIns.resend.url,
      SMTP_URL: standIns.smtp.url,
    });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    expect(await outbox(id)).toMatchObject({
      status: "sent",
      provider: "resend",
      providerMessageId: "re_delivered_1",
    });
    expect(standIns.resend.requests[0]?.headers.authorization).toBe("Bearer re_env_key");
    expect(standIns.smtp.received).toHaveLength(0);
  });

  it("falls back to SMTP when Resend fails, and records which provider delivered", async () => {
    standIns.resend.respondWith(500, { statusCode: 500, name: "internal_server_error", message: "down" });
    stubEmailEnv({
      RESEND_API_KEY: "re_env_key",
      RESEND_BASE_URL: standIns.resend.url,
      SMTP_URL: standIns.smtp.url,
    });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    expect(await outbox(id)).toMatchObject({ status: "sent", provider: "smtp", attempts: 1 });
    expect(standIns.smtp.received).toHaveLength(1);
    expect(standIns.smtp.received[0]?.raw).toMatch(/^Subject: Sign in to Stagedoor\r?$/m);
  });

  it("on an outage counts the attempt, keeps the message queued with the error and retries", async () => {
    stubEmailEnv({
      SMTP_URL: await unreachableSmtpUrl(),
      DEV_MAILBOX: "false",
      EMAIL_PROVIDER_TIMEOUT_MS: "3000",
    });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["retry"]);
    const first = await outbox(id);
    expect(first).toMatchObject({ status: "queued", attempts: 1, provider: null, sentAt: null });
    expect(first.lastError).toMatch(/^Every email provider failed: smtp: /);
    const job = await emailJob();
    expect(job.status).toBe("queued");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());

    await makeDue();
    expect(await runDueJobs([sendEmailJob])).toEqual(["retry"]);
    expect((await outbox(id)).attempts).toBe(2);

    // The provider comes back: the next retry delivers.
    stubEmailEnv({ SMTP_URL: standIns.smtp.url, DEV_MAILBOX: "false" });
    await makeDue();
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    expect(await outbox(id)).toMatchObject({ status: "sent", provider: "smtp", attempts: 3 });
    expect(standIns.smtp.received).toHaveLength(1);
  });

  it("marks the message failed when the last attempt fails", async () => {
    stubEmailEnv({ SMTP_URL: await unreachableSmtpUrl(), DEV_MAILBOX: "false" });
    const { id } = await queueMagicLink();
    await db.job.updateMany({ where: { name: "email.send" }, data: { maxAttempts: 2 } });
    expect(await runDueJobs([sendEmailJob])).toEqual(["retry"]);
    expect((await outbox(id)).status).toBe("queued");
    await makeDue();
    expect(await runDueJobs([sendEmailJob])).toEqual(["failed"]);
    expect(await outbox(id)).toMatchObject({ status: "failed", attempts: 2 });
    expect((await emailJob()).status).toBe("failed");
  });

  it("in production with no provider fails clearly and keeps the message queued", async () => {
    stubEmailEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), STRIPE_SECRET_KEY: "sk_live_x" });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["retry"]);
    const row = await outbox(id);
    expect(row.status).toBe("queued");
    expect(row.lastError).toContain("No email provider is configured");
  });

  it("does not send a message twice when its job runs again after it was sent", async () => {
    stubEmailEnv({ SMTP_URL: standIns.smtp.url });
    const { id } = await queueMagicLink();
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    const sent = await outbox(id);
    await enqueueJob(sendEmailJob, { outboxId: id });
    expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
    expect(standIns.smtp.received).toHaveLength(1);
    const after = await outbox(id);
    expect(after.attempts).toBe(1);
    expect(after.providerMessageId).toBe(sent.providerMessageId);
    expect(after.sentAt).toEqual(sent.sentAt);
  });

  it("fails for good when the outbox row is gone", async () => {
    await enqueueJob(sendEmailJob, { outboxId: "missing" });
    expect(await runDueJobs([sendEmailJob])).toEqual(["failed"]);
    expect((await emailJob()).lastError).toContain("does not exist");
  });
});
