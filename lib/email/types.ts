// The shapes shared by the outbox, the providers and the send job. No I/O here.
import { z } from "zod";

/** A file sent with a message; `cid` makes it an inline image referenced as `cid:<cid>` in the HTML. */
export const emailAttachmentSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, "must be a MIME type like image/png")
    .max(255),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
  cid: z
    .string()
    .regex(/^[\w.@+-]+$/, "may only contain letters, digits and . @ + - _")
    .max(255)
    .optional(),
});

export type EmailAttachment = z.infer<typeof emailAttachmentSchema>;

export const emailAttachmentsSchema = z.array(emailAttachmentSchema).max(20);

/** A rendered message, ready for any provider. */
export interface EmailMessage {
  /** The outbox row id: providers use it as an idempotency key where they can. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
}

export interface EmailProvider {
  name: string;
  send(message: EmailMessage, options: { signal: AbortSignal }): Promise<{ messageId: string }>;
}
