import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const latePaymentRefundPropsSchema = z.object({
  buyerName: z.string().trim().min(1).max(120),
  eventTitle: z.string().trim().min(1).max(200),
  amount: z.string().trim().min(1).max(40),
  eventUrl: emailUrlSchema,
});

export type LatePaymentRefundProps = z.infer<typeof latePaymentRefundPropsSchema>;

export const latePaymentRefundSubject = (props: LatePaymentRefundProps): string =>
  `Sorry — your tickets for ${props.eventTitle} could not be issued`;

export function LatePaymentRefundEmail({
  buyerName,
  eventTitle,
  amount,
  eventUrl,
  testModeNotice,
}: LatePaymentRefundProps & EmailFrameProps) {
  return (
    <EmailLayout
      preview={`Your payment of ${amount} is being refunded in full`}
      testModeNotice={testModeNotice}
    >
      <EmailHeading>We are sorry, {buyerName}</EmailHeading>
      <EmailText>
        {`Your payment for ${eventTitle} arrived after your seats had been released, and the last seats were sold in the meantime. We could not issue your tickets.`}
      </EmailText>
      <EmailText>
        {`Your payment of ${amount} is being refunded in full to the card you used. Banks usually show it within 5–10 business days.`}
      </EmailText>
      <EmailButton href={eventUrl}>See the event</EmailButton>
    </EmailLayout>
  );
}
