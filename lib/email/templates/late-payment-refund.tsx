import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

/** Why a payment that landed could not be honoured. */
export const unhonouredReasonSchema = z.enum([
  "sold_out",
  "event_cancelled",
  "event_ended",
  "order_cancelled",
]);
export type UnhonouredReason = z.infer<typeof unhonouredReasonSchema>;

export const latePaymentRefundPropsSchema = z.object({
  buyerName: z.string().trim().min(1).max(120),
  eventTitle: z.string().trim().min(1).max(200),
  amount: z.string().trim().min(1).max(40),
  reason: unhonouredReasonSchema.default("sold_out"),
  eventUrl: emailUrlSchema,
});

export type LatePaymentRefundProps = z.infer<typeof latePaymentRefundPropsSchema>;

export const latePaymentRefundSubject = (props: LatePaymentRefundProps): string =>
  `Sorry — your tickets for ${props.eventTitle} could not be issued`;

function explanation(reason: UnhonouredReason, eventTitle: string): string {
  switch (reason) {
    case "event_cancelled":
      return `Your payment for ${eventTitle} arrived after the organizer cancelled the event. We could not issue your tickets.`;
    case "event_ended":
      return `Your payment for ${eventTitle} arrived after the event had ended. We could not issue your tickets.`;
    case "order_cancelled":
      return `Your payment for ${eventTitle} arrived for an order that had already been cancelled. We could not issue your tickets.`;
    default:
      return `Your payment for ${eventTitle} arrived after your seats had been released, and the last seats were sold in the meantime. We could not issue your tickets.`;
  }
}

export function LatePaymentRefundEmail({
  buyerName,
  eventTitle,
  amount,
  reason,
  eventUrl,
  testModeNotice,
}: LatePaymentRefundProps & EmailFrameProps) {
  return (
    <EmailLayout
      preview={`Your payment of ${amount} is being refunded in full`}
      testModeNotice={testModeNotice}
    >
      <EmailHeading>We are sorry, {buyerName}</EmailHeading>
      <EmailText>{explanation(reason, eventTitle)}</EmailText>
      <EmailText>
        {`Your payment of ${amount} is being refunded in full to the card you used. Banks usually show it within 5–10 business days.`}
      </EmailText>
      <EmailButton href={eventUrl}>See the event</EmailButton>
    </EmailLayout>
  );
}
