import "server-only";
import { env } from "@/lib/env";
import { devMailboxProvider } from "@/lib/email/providers/dev-mailbox";
import { createResendProvider } from "@/lib/email/providers/resend";
import { createSmtpProvider } from "@/lib/email/providers/smtp";
import type { EmailProvider } from "@/lib/email/types";

/**
 * The delivery chain from the environment: Resend, then SMTP; the dev mailbox only when neither is
 * configured and DEV_MAILBOX is on. An empty list (production without a provider) makes every send fail
 * with a clear error, and the outbox keeps the message for the retries.
 */
export function getEmailProviders(): EmailProvider[] {
  const providers: EmailProvider[] = [];
  if (env.RESEND_API_KEY) {
    providers.push(createResendProvider({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL }));
  }
  if (env.SMTP_URL) {
    providers.push(createSmtpProvider({ url: env.SMTP_URL, timeoutMs: env.EMAIL_PROVIDER_TIMEOUT_MS }));
  }
  if (providers.length === 0 && env.DEV_MAILBOX) providers.push(devMailboxProvider);
  return providers;
}
