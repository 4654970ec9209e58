import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const disputeOpenedPropsSchema = z.object({
  organizerName: z.string().trim().min(1).max(200),
  eventTitle: z.string().trim().min(1).max(200),
  buyerName: z.string().trim().min(1).max(120),
  amount: z.string().trim().min(1).max(40),
  reason: z.string().trim().max(100),
  ticketCount: z.number().int().min(0),
  orderUrl: emailUrlSchema,
});

export type DisputeOpenedProps = z.infer<typeof disputeOpenedPropsSchema>;

export const disputeOpenedSubject = (props: DisputeOpenedProps): string =>
  `Payment disputed: ${props.amount} for ${props.eventTitle}`;

export function DisputeOpenedEmail(props: DisputeOpenedProps & EmailFrameProps) {
  return (
    <EmailLayout
      preview={`${props.buyerName} disputed a payment of ${props.amount}`}
      testModeNotice={props.testModeNotice}
    >
      <EmailHeading>A payment was disputed</EmailHeading>
      <EmailText>
        {`Hi ${props.organizerName}, ${props.buyerName}'s bank opened a dispute (${props.reason || "no reason given"}) over ${props.amount} paid for ${props.eventTitle}.`}
      </EmailText>
      <EmailText>
        {`The order's ${props.ticketCount} ticket(s) are flagged: scanners show "disputed — send to box office". Respond with evidence in your Stripe dashboard. If the dispute is lost, the tickets are cancelled automatically; if it is won, the flag is cleared.`}
      </EmailText>
      <EmailButton href={props.orderUrl}>See the order</EmailButton>
    </EmailLayout>
  );
}
