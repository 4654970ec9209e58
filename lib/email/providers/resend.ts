import "server-only";
import { Resend } from "resend";
import { messageContent } from "@/lib/email/providers/message-content";
import type { EmailMessage, EmailProvider } from "@/lib/email/types";

export interface ResendProviderOptions {
  apiKey: string;
  /**
   * Resend's API address. resend 6.x takes it as the `baseUrl` constructor option and otherwise falls back
   * to reading `process.env.RESEND_BASE_URL` itself; we always pass the value from `lib/env` so the
   * environment is read in one place (and tests can point it at a local endpoint).
   */
  baseUrl?: string;
}

export function createResendProvider(options: ResendProviderOptions): EmailProvider {
  const client = new Resend(options.apiKey, {
    baseUrl: (options.baseUrl ?? "https://api.resend.com").replace(/\/+$/, ""),
  });
  return {
    name: "resend",
    async send(message: EmailMessage, { signal }) {
      const { data, error } = await client.emails.send(
        {
          ...messageContent(message),
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.contentBase64,
            contentType: a.contentType,
            // Sent as `content_id`: Resend then attaches the file inline for `cid:` references.
            ...(a.cid ? { contentId: a.cid } : {}),
          })),
        },
        // A retry of the same outbox row is deduplicated by Resend for 24 hours.
        { signal, idempotencyKey: `stagedoor-email/${message.id}` },
      );
      if (error) {
        const status = "statusCode" in error && error.statusCode ? ` (HTTP ${String(error.statusCode)})` : "";
        throw new Error(`${error.name}: ${error.message}${status}`);
      }
      if (!data?.id) throw new Error("Resend answered without a message id");
      return { messageId: data.id };
    },
  };
}
