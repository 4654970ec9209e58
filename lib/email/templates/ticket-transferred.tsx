// "A ticket was sent to you": the recipient of a transfer (lib/tickets/transfer-ticket.ts) gets the link to
// their own pass. The link opens that one ticket, never the sender's order.
import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailLinkAsText,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema, oneLineSchema as oneLine } from "@/lib/email/templates/schemas";

export const ticketTransferredPropsSchema = z.object({
  recipientName: oneLine(120),
  senderName: oneLine(120),
  eventTitle: oneLine(200),
  organizerName: oneLine(200),
  /** "Sat, Dec 27, 2026, 8:00 PM PST": in the event's time zone. */
  startsAt: oneLine(100),
  venueName: oneLine(200),
  tierName: oneLine(200),
  passUrl: emailUrlSchema,
});

export type TicketTransferredProps = z.infer<typeof ticketTransferredPropsSchema>;

export const ticketTransferredSubject = (props: TicketTransferredProps): string =>
  `${props.senderName} sent you a ticket for ${props.eventTitle}`;

export function TicketTransferredEmail(props: TicketTransferredProps & EmailFrameProps) {
  return (
    <EmailLayout
      preview={`Your ticket for ${props.eventTitle}, ${props.startsAt}`}
      testModeNotice={props.testModeNotice}
    >
      <EmailHeading>{`You have a ticket for ${props.eventTitle}`}</EmailHeading>
      <EmailText>
        {`Hi ${props.recipientName}, ${props.senderName} sent you a ${props.tierName} ticket for ${props.eventTitle} (${props.organizerName}), ${props.startsAt} at ${props.venueName}.`}
      </EmailText>
      <EmailText>
        Your pass has its own QR code: show it at the door. The code the ticket had before no longer works.
      </EmailText>
      <EmailButton href={props.passUrl}>Open your ticket</EmailButton>
      <EmailLinkAsText href={props.passUrl} />
      <EmailText>Keep this link to yourself: anyone holding it can use the ticket.</EmailText>
    </EmailLayout>
  );
}
