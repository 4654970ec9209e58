import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { resetDatabase } from "@/lib/testing/db";

const url = "https://tickets.example.com/api/auth/callback/email?token=t0ken&email=ana%40example.com";

describe("queueEmail", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(restoreEnv);

  it("stores the rendered message as queued and queues its email.send job", async () => {
    stubEmailEnv({ EMAIL_FROM: "Night Shift <hello@nightshift.test>" });
    const { id } = await queueEmail({
      to: " ana@example.com ",
      template: "magic-link",
      props: { url, expiresInMinutes: 15 },
    });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "queued",
      template: "magic-link",
      toAddress: "ana@example.com",
      fromAddress: "Night Shift <hello@nightshift.test>",
      subject: "Sign in to Stagedoor",
      attempts: 0,
      attachments: [],
    });
    expect(row.fromAddress).toBe(env.EMAIL_FROM);
    expect(row.text).toContain(url);
    expect(row.html).toContain(url.replace(/&/g, "&amp;"));
    const jobs = await db.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      name: "email.send",
      status: "queued",
      payload: { outboxId: id },
      maxAttempts: 10,
    });
  });

  it("says test mode in every email while no real money moves, and not with live keys", async () => {
    const queue = async () => {
      const { id } = await queueEmail({
        to: "ana@example.com",
        template: "magic-link",
        props: { url, expiresInMinutes: 15 },
      });
      return db.emailOutbox.findUniqueOrThrow({ where: { id } });
    };
    stubStripeEnv();
    const simulated = await queue();
    for (const part of [simulated.text, simulated.html])
      expect(part).toContain("Test mode: payments are simulated and no real money moves.");
    stubStripeEnv({ STRIPE_SECRET_KEY: "sk_test_x" });
    expect((await queue()).text).toContain("Test mode: payments run in Stripe's test mode");
    stubStripeEnv({ STRIPE_SECRET_KEY: "sk_live_x" });
    const live = await queue();
    expect(live.text).not.toMatch(/test mode/i);
    expect(live.html).not.toMatch(/test mode/i);
  });

  it("keeps attachments for the job", async () => {
    const attachment = {
      filename: "qr.png",
      contentType: "image/png",
      contentBase64: "iVBORw0KGgo=",
      cid: "qr@sd",
    };
    const { id } = await queueEmail({
      to: "ana@example.com",
      template: "magic-link",
      props: { url, expiresInMinutes: 15 },
      attachments: [attachment],
    });
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).attachments).toEqual([attachment]);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(
          { to: "ana@example.com", template: "magic-link", props: { url, expiresInMinutes: 15 } },
          { db: tx },
        );
        expect(await tx.emailOutbox.count()).toBe(1); // visible inside the transaction…
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.emailOutbox.count()).toBe(0); // …and gone with it, job included
    expect(await db.job.count()).toBe(0);
  });

  it("commits the row and the job with the caller's transaction", async () => {
    const { id } = await db.$transaction((tx) =>
      queueEmail(
        { to: "ana@example.com", template: "magic-link", props: { url, expiresInMinutes: 15 } },
        { db: tx },
      ),
    );
    expect(await db.emailOutbox.count({ where: { id } })).toBe(1);
    expect(await db.job.count({ where: { name: "email.send" } })).toBe(1);
  });

  it("rejects a bad recipient or bad props before writing anything", async () => {
    await expect(
      queueEmail({ to: "not-an-email", template: "magic-link", props: { url, expiresInMinutes: 15 } }),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "to" }] });
    await expect(
      queueEmail({
        to: "ana@example.com",
        template: "magic-link",
        props: { url: "ftp://x", expiresInMinutes: 15 },
      }),
    ).rejects.toMatchObject({ code: "validation", fields: [{ field: "url" }] });
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });
});
