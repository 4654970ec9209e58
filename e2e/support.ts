import { expect, type APIRequestContext } from "@playwright/test";

/** A unique address per run, so journeys never collide with earlier data. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: string;
  text: string;
}

/** Waits for the newest message to `to` in the development mailbox to be delivered. */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  template: string,
): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/tickets/dev/mailbox?to=${encodeURIComponent(to)}`);
        const body = (await response.json()) as { messages: MailboxMessage[] };
        found = body.messages.find((m) => m.template === template && m.status === "sent");
        return found !== undefined;
      },
      { timeout: 15_000, message: `no ${template} email delivered to ${to}` },
    )
    .toBe(true);
  return found as MailboxMessage;
}

/** The sign-in link in a magic-link email's plain-text part. */
export function magicLinkFrom(message: { text: string }): string {
  const match = /https?:\/\/\S+\/api\/tickets\/auth\/callback\/email\S+/.exec(message.text);
  if (!match) throw new Error(`no sign-in link in: ${message.text}`);
  return match[0];
}
