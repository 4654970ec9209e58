import "server-only";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { parseInput } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { renderEmail } from "@/lib/email/render-email";
import { sendEmailJob } from "@/lib/email/send-email-job";
import type { EmailTemplateName, EmailTemplateProps } from "@/lib/email/templates";
import { getPaymentsMode, testModeNotice } from "@/lib/payments/payments-mode";
import { emailAttachmentsSchema, type EmailAttachment } from "@/lib/email/types";

export type { EmailTemplateName, EmailTemplateProps } from "@/lib/email/templates";
export type { EmailAttachment } from "@/lib/email/types";

const envelopeSchema = z.object({
  to: z.string().trim().pipe(z.email()),
  attachments: emailAttachmentsSchema.default([]),
});

/**
 * Renders the email now and writes it to the outbox together with its `email.send` job. Pass a
 * transaction client as `options.db` and both are committed (or rolled back) with the caller's writes;
 * delivery happens in the job, after commit.
 */
export async function queueEmail<T extends EmailTemplateName>(
  input: {
    to: string;
    template: T;
    props: EmailTemplateProps<T>;
    organizerId?: string;
    orderId?: string;
    attachments?: EmailAttachment[];
  },
  options?: { db?: Db },
): Promise<{ id: string }> {
  const envelope = parseInput(envelopeSchema, { to: input.to, attachments: input.attachments });
  // Render before touching the database: no transaction is held open while React renders. Every email
  // says so when no real money moves.
  const rendered = await renderEmail(input.template, input.props, {
    testModeNotice: testModeNotice(getPaymentsMode()),
  });
  const write = async (client: Db): Promise<{ id: string }> => {
    const row = await client.emailOutbox.create({
      data: {
        template: input.template,
        toAddress: envelope.to,
        fromAddress: env.EMAIL_FROM,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: envelope.attachments,
        status: "queued",
        organizerId: input.organizerId ?? null,
        orderId: input.orderId ?? null,
      },
      select: { id: true },
    });
    await enqueueJob(
      sendEmailJob,
      { outboxId: row.id },
      { db: client, singletonKey: `email.send:${row.id}` },
    );
    return row;
  };
  return options?.db ? write(options.db) : defaultDb.$transaction((tx) => write(tx));
}
