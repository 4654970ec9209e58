import type { EmailProvider } from "@/lib/email/types";

/**
 * Development "delivery": the outbox row already is the mailbox (see /tickets/dev/mailbox), so sending only
 * succeeds. Used when DEV_MAILBOX is on and no real provider is configured.
 */
export const devMailboxProvider: EmailProvider = {
  name: "dev-mailbox",
  async send(message, { signal }) {
    signal.throwIfAborted();
    return { messageId: `dev-mailbox-${message.id}` };
  },
};
