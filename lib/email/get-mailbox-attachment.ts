import "server-only";
import { AppError } from "@/lib/errors";
import { getMailboxMessage } from "@/lib/email/get-mailbox-message";

/** The bytes of attachment number `index` (0-based) of a message (dev mailbox only). */
export async function getMailboxAttachment(
  id: string,
  index: number,
): Promise<{ filename: string; contentType: string; content: Uint8Array<ArrayBuffer> }> {
  const message = await getMailboxMessage(id);
  const attachment = message.attachments[index];
  if (!attachment) throw AppError.notFound("No such attachment.");
  const bytes = Buffer.from(attachment.contentBase64, "base64");
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: new Uint8Array(bytes),
  };
}
