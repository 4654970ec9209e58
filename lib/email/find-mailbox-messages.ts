import "server-only";
import { db } from "@/lib/db";
import { assertDevMailboxEnabled } from "@/lib/email/assert-dev-mailbox-enabled";

/** Every outbox message, newest first, optionally for one recipient (dev mailbox only). */
export async function findMailboxMessages(filter: { to?: string; limit?: number } = {}) {
  assertDevMailboxEnabled();
  const to = filter.to?.trim();
  return db.emailOutbox.findMany({
    where: to ? { toAddress: { equals: to, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(filter.limit ?? 200, 1), 500),
    select: {
      id: true,
      toAddress: true,
      subject: true,
      template: true,
      status: true,
      provider: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      text: true,
      html: true,
    },
  });
}

export type MailboxMessageSummary = Awaited<ReturnType<typeof findMailboxMessages>>[number];
