import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const refundIssuedPropsSchema = z.object({
  buyerName: z.string().trim().min(1).max(120),
  eventTitle: z.string().trim().min(1).max(200),
  /** Formatted, e.g. "$28.00". */
  amount: z.string().trim().min(1).max(40),
  /** Tickets this refund cancelled (0 for a partial amount). */
  ticketCount: z.number().int().min(0),
  fullyRefunded: z.boolean(),
  reason: z.string().trim().max(500).optional(),
  passesUrl: emailUrlSchema,
});

export type RefundIssuedProps = z.infer<typeof refundIssuedPropsSchema>;

export const refundIssuedSubject = (props: RefundIssuedProps): string =>
  `Refund of ${props.amount} for ${props.eventTitle}`;

export function RefundIssuedEmail(props: RefundIssuedProps & EmailFrameProps) {
  const tickets =
    props.ticketCount === 0
      ? "Your tickets stay valid."
      : `${props.ticketCount === 1 ? "1 ticket is" : `${props.ticketCount} tickets are`} now cancelled and will not be admitted at the door.`;
  return (
    <EmailLayout
      preview={`${props.amount} is on its way back to your card`}
      testModeNotice={props.testModeNotice}
    >
      <EmailHeading>Your refund, {props.buyerName}</EmailHeading>
      <EmailText>
        {`We refunded ${props.amount} for ${props.eventTitle}${props.fullyRefunded ? " (the whole order)" : ""}. Banks usually show it within 5–10 business days.`}
      </EmailText>
      {props.reason ? <EmailText>{`Reason: ${props.reason}`}</EmailText> : null}
      <EmailText>{tickets}</EmailText>
      <EmailButton href={props.passesUrl}>See your order</EmailButton>
    </EmailLayout>
  );
}
