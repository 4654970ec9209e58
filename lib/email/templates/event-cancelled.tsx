import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const eventCancelledPropsSchema = z.object({
  buyerName: z.string().trim().min(1).max(120),
  eventTitle: z.string().trim().min(1).max(200),
  organizerName: z.string().trim().min(1).max(200),
  /** "Sat, Dec 27, 2026, 8:00 PM PST". */
  startsAt: z.string().trim().min(1).max(100),
  amount: z.string().trim().min(1).max(40),
  passesUrl: emailUrlSchema,
});

export type EventCancelledProps = z.infer<typeof eventCancelledPropsSchema>;

export const eventCancelledSubject = (props: EventCancelledProps): string =>
  `Cancelled: ${props.eventTitle} — you will be refunded`;

export function EventCancelledEmail(props: EventCancelledProps & EmailFrameProps) {
  return (
    <EmailLayout
      preview={`${props.eventTitle} is cancelled; ${props.amount} is being refunded`}
      testModeNotice={props.testModeNotice}
    >
      <EmailHeading>{props.eventTitle} is cancelled</EmailHeading>
      <EmailText>
        {`Hi ${props.buyerName}, ${props.organizerName} has cancelled ${props.eventTitle} (${props.startsAt}). We are sorry.`}
      </EmailText>
      <EmailText>
        {`Your payment of ${props.amount} is being refunded to the card you used; you need to do nothing. Banks usually show it within 5–10 business days. Your tickets are no longer valid.`}
      </EmailText>
      <EmailButton href={props.passesUrl}>See your order</EmailButton>
    </EmailLayout>
  );
}
