import "server-only";
import { createTransport } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { messageContent } from "@/lib/email/providers/message-content";
import type { EmailMessage, EmailProvider } from "@/lib/email/types";

export interface SmtpProviderOptions {
  /** `smtp://user:pass@host:587` or `smtps://...:465`; query parameters become transport options. */
  url: string;
  /** Connection, greeting and idle limits: nodemailer cannot be aborted mid-send, so it gives up itself. */
  timeoutMs?: number;
}

export function createSmtpProvider(options: SmtpProviderOptions): EmailProvider {
  const timeout = options.timeoutMs ?? 10_000;
  // `createTransport(url)` alone drops every other option, so build the SMTP transport with the URL and
  // our limits and hand it to createTransport.
  const transporter = createTransport(
    new SMTPTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    }),
  );
  return {
    name: "smtp",
    async send(message: EmailMessage, { signal }) {
      signal.throwIfAborted();
      const info = await transporter.sendMail({
        ...messageContent(message),
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          content: a.contentBase64,
          encoding: "base64",
          contentType: a.contentType,
          // With a cid nodemailer puts the part in multipart/related, inline, for `cid:` references.
          ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
        })),
      });
      if (info.rejected.length > 0) throw new Error(`recipient rejected: ${String(info.response)}`);
      return { messageId: info.messageId };
    },
  };
}
