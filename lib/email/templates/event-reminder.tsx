import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailLinkAsText,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const eventReminderPropsSchema = z.object({
  buyerName: z.string().trim().min(1).max(120),
  eventTitle: z.string().trim().min(1).max(200),
  organizerName: z.string().trim().min(1).max(200),
  /** Relative to when the email is sent, in the event's time zone: "tomorrow at 8:00 PM PST". */
  when: z.string().trim().min(1).max(100),
  /** "Sat, Dec 27, 2026, 8:00 PM PST". */
  startsAt: z.string().trim().min(1).max(100),
  venueName: z.string().trim().min(1).max(200),
  address: z.string().trim().max(400).nullable(),
  /** Valid tickets in the order. */
  ticketCount: z.number().int().min(1),
  passesUrl: emailUrlSchema,
});

export type EventReminderProps = z.infer<typeof eventReminderPropsSchema>;

export const eventReminderSubject = (props: EventReminderProps): string =>
  `Reminder: ${props.eventTitle} is ${props.when}`;

export function EventReminderEmail(props: EventReminderProps & EmailFrameProps) {
  const tickets = props.ticketCount === 1 ? "your ticket" : `your ${props.ticketCount} tickets`;
  return (
    <EmailLayout preview={`${props.eventTitle} starts ${props.when}`} testModeNotice={props.testModeNotice}>
      <EmailHeading>{`${props.eventTitle} is ${props.when}`}</EmailHeading>
      <EmailText>
        {`Hi ${props.buyerName}, this is a reminder from ${props.organizerName}: ${props.eventTitle} starts ${props.startsAt}.`}
      </EmailText>
      <EmailText>{[props.venueName, props.address].filter(Boolean).join(", ")}</EmailText>
      <EmailText>{`Show ${tickets} at the door from your passes page:`}</EmailText>
      <EmailButton href={props.passesUrl}>Open your tickets</EmailButton>
      <EmailLinkAsText href={props.passesUrl} />
    </EmailLayout>
  );
}
