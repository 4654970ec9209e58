import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { getEmailProviders } from "@/lib/email/get-email-providers";
import { EmailDeliveryError, sendWithChain } from "@/lib/email/send-with-chain";
import { emailAttachmentsSchema } from "@/lib/email/types";

/**
 * Delivers one outbox row through the provider chain. Idempotent: a row already sent is left alone. A
 * failure is counted on the row and rethrown so the queue retries with backoff; the last attempt also
 * marks the row `failed`. Logs carry ids and provider names only, never the body or its links.
 */
export const sendEmailJob = defineJob({
  name: "email.send",
  payload: z.object({ outboxId: z.string().min(1) }),
  maxAttempts: 10,
  handler: async ({ outboxId }, ctx) => {
    const row = await db.emailOutbox.findUnique({
      where: { id: outboxId },
      select: {
        id: true,
        status: true,
        template: true,
        toAddress: true,
        fromAddress: true,
        subject: true,
        html: true,
        text: true,
        attachments: true,
      },
    });
    if (!row) throw new PermanentJobError(`email outbox row ${outboxId} does not exist`);
    const logFields = {
      outboxId,
      template: row.template,
      attempt: ctx.attempt,
      maxAttempts: ctx.maxAttempts,
    };
    if (row.status === "sent") {
      ctx.log.info({ event: "tickets.email.already_sent", ...logFields }, "email already sent, skipping");
      return;
    }
    const attachments = emailAttachmentsSchema.safeParse(row.attachments);
    if (!attachments.success) {
      throw new PermanentJobError(`email outbox row ${outboxId} has malformed attachments`);
    }

    try {
      const result = await sendWithChain(
        {
          id: row.id,
          from: row.fromAddress,
          to: row.toAddress,
          subject: row.subject,
          html: row.html,
          text: row.text,
          attachments: attachments.data,
        },
        getEmailProviders(),
      );
      await db.emailOutbox.update({
        where: { id: row.id },
        data: {
          status: "sent",
          provider: result.provider,
          providerMessageId: result.messageId,
          sentAt: new Date(),
          attempts: { increment: 1 },
        },
      });
      ctx.log.info(
        { event: "tickets.email.sent", ...logFields, provider: result.provider, fallbacks: result.failures },
        "email sent",
      );
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const final = ctx.attempt >= ctx.maxAttempts;
      await db.emailOutbox.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError, ...(final ? { status: "failed" as const } : {}) },
      });
      ctx.log.warn(
        {
          event: "tickets.email.failed",
          ...logFields,
          final,
          failures: error instanceof EmailDeliveryError ? error.failures : [{ error: lastError }],
        },
        final ? "email failed for good" : "email failed, will retry",
      );
      throw error;
    }
  },
});
