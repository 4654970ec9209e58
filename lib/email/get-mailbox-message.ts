import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";
import { emailAttachmentsSchema } from "@/lib/email/types";

/** One outbox message with its attachments parsed (dev mailbox only); 404 when it does not exist. */
export async function getMailboxMessage(id: string) {
  assertDevMailboxEnabled();
  const row = await db.emailOutbox.findUnique({
    where: { id },
    select: {
      id: true,
      template: true,
      toAddress: true,
      fromAddress: true,
      subject: true,
      html: true,
      text: true,
      attachments: true,
      status: true,
      attempts: true,
      provider: true,
      providerMessageId: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  if (!row) throw AppError.notFound("No such message in the mailbox.");
  const attachments = emailAttachmentsSchema.safeParse(row.attachments);
  return { ...row, attachments: attachments.success ? attachments.data : [] };
}

export type MailboxMessage = Awaited<ReturnType<typeof getMailboxMessage>>;
