import type { EmailMessage } from "@/lib/email/types";

/** The addresses, subject and bodies of a message, as every provider hands them on unchanged. */
export function messageContent(message: EmailMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
  };
}
