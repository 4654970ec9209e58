// "Find my tickets": one message listing the passes link of every order bought with the address it is sent
// to (lib/orders/send-order-links-job.ts). Sent only when there is at least one order.
import { Section } from "@react-email/components";
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

/** The most orders one message lists (the job sends the soonest events first). */
export const MAX_ORDER_LINKS = 50;

export const orderLinksPropsSchema = z.object({
  orders: z
    .array(
      z.object({
        eventTitle: oneLine(200),
        /** In the event's zone, the zone named. */
        when: oneLine(120),
        place: oneLine(300),
        organizerName: oneLine(200),
        reference: oneLine(16),
        ticketCount: z.number().int().min(0),
        /** "Refunded", "Event cancelled": shown beside the order when set. */
        note: oneLine(80).optional(),
        url: emailUrlSchema,
      }),
    )
    .min(1)
    .max(MAX_ORDER_LINKS),
});

export type OrderLinksProps = z.infer<typeof orderLinksPropsSchema>;

export const orderLinksSubject = (props: OrderLinksProps): string =>
  props.orders.length === 1 ? "The link to your tickets" : "The links to your tickets";

export function OrderLinksEmail({ orders, testModeNotice }: OrderLinksProps & EmailFrameProps) {
  return (
    <EmailLayout preview="Open your tickets from here" testModeNotice={testModeNotice}>
      <EmailHeading>Your tickets</EmailHeading>
      <EmailText>
        {`Someone (we hope you) asked for the tickets bought with this email address. ${
          orders.length === 1
            ? "Here is the order and its link"
            : `Here are the ${orders.length} orders, each with its own link`
        }. Keep these links to yourself: anyone holding one can show the tickets.`}
      </EmailText>
      {orders.map((order) => (
        <Section key={order.reference}>
          <EmailText>
            {`${order.eventTitle}${order.note ? ` (${order.note})` : ""}: ${order.when}, ${order.place}. ${
              order.ticketCount === 1 ? "1 ticket" : `${order.ticketCount} tickets`
            } from ${order.organizerName}, order ${order.reference}.`}
          </EmailText>
          <EmailButton href={order.url}>{`Open tickets for ${order.eventTitle}`}</EmailButton>
          <EmailLinkAsText href={order.url} />
        </Section>
      ))}
      <EmailText muted>
        If you did not ask for this, you can ignore this email: nothing has changed and the links were sent
        only to you.
      </EmailText>
    </EmailLayout>
  );
}
