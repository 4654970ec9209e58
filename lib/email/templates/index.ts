// Every email the product sends: name → props schema, subject and React Email component. Add a template by
// adding an entry; `queueEmail` and the callers get its props type from here.
import type { ReactElement } from "react";
import type { z } from "zod";
import type { EmailFrameProps } from "@/lib/email/templates/layout";
import { MagicLinkEmail, magicLinkPropsSchema, magicLinkSubject } from "@/lib/email/templates/magic-link";
import {
  OrganizerInviteEmail,
  organizerInvitePropsSchema,
  organizerInviteSubject,
} from "@/lib/email/templates/organizer-invite";
import {
  OrderConfirmationEmail,
  orderConfirmationPropsSchema,
  orderConfirmationSubject,
} from "@/lib/email/templates/order-confirmation";
import {
  LatePaymentRefundEmail,
  latePaymentRefundPropsSchema,
  latePaymentRefundSubject,
} from "@/lib/email/templates/late-payment-refund";
import {
  RefundIssuedEmail,
  refundIssuedPropsSchema,
  refundIssuedSubject,
} from "@/lib/email/templates/refund-issued";
import {
  EventCancelledEmail,
  eventCancelledPropsSchema,
  eventCancelledSubject,
} from "@/lib/email/templates/event-cancelled";
import { OrderLinksEmail, orderLinksPropsSchema, orderLinksSubject } from "@/lib/email/templates/order-links";
import {
  DisputeOpenedEmail,
  disputeOpenedPropsSchema,
  disputeOpenedSubject,
} from "@/lib/email/templates/dispute-opened";
import {
  EventReminderEmail,
  eventReminderPropsSchema,
  eventReminderSubject,
} from "@/lib/email/templates/event-reminder";
import {
  TicketTransferredEmail,
  ticketTransferredPropsSchema,
  ticketTransferredSubject,
} from "@/lib/email/templates/ticket-transferred";

export interface EmailTemplate<S extends z.ZodType> {
  /** Validates the props at queue time: they often carry user-entered text (names) and links. */
  schema: S;
  subject(props: z.output<S>): string;
  /** Gets the frame's props (the test-mode line) beside its own. */
  component(props: z.output<S> & EmailFrameProps): ReactElement;
}

function defineEmailTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}

export const emailTemplates = {
  "magic-link": defineEmailTemplate({
    schema: magicLinkPropsSchema,
    subject: magicLinkSubject,
    component: MagicLinkEmail,
  }),
  "organizer-invite": defineEmailTemplate({
    schema: organizerInvitePropsSchema,
    subject: organizerInviteSubject,
    component: OrganizerInviteEmail,
  }),
  "order-confirmation": defineEmailTemplate({
    schema: orderConfirmationPropsSchema,
    subject: orderConfirmationSubject,
    component: OrderConfirmationEmail,
  }),
  "order-links": defineEmailTemplate({
    schema: orderLinksPropsSchema,
    subject: orderLinksSubject,
    component: OrderLinksEmail,
  }),
  "late-payment-refund": defineEmailTemplate({
    schema: latePaymentRefundPropsSchema,
    subject: latePaymentRefundSubject,
    component: LatePaymentRefundEmail,
  }),
  "refund-issued": defineEmailTemplate({
    schema: refundIssuedPropsSchema,
    subject: refundIssuedSubject,
    component: RefundIssuedEmail,
  }),
  "event-cancelled": defineEmailTemplate({
    schema: eventCancelledPropsSchema,
    subject: eventCancelledSubject,
    component: EventCancelledEmail,
  }),
  "dispute-opened": defineEmailTemplate({
    schema: disputeOpenedPropsSchema,
    subject: disputeOpenedSubject,
    component: DisputeOpenedEmail,
  }),
  "event-reminder": defineEmailTemplate({
    schema: eventReminderPropsSchema,
    subject: eventReminderSubject,
    component: EventReminderEmail,
  }),
  "ticket-transferred": defineEmailTemplate({
    schema: ticketTransferredPropsSchema,
    subject: ticketTransferredSubject,
    component: TicketTransferredEmail,
  }),
};

export type EmailTemplateName = keyof typeof emailTemplates;

/** The props a caller passes for template `T` (before the schema's trimming and defaults). */
export type EmailTemplateProps<T extends EmailTemplateName> = z.input<(typeof emailTemplates)[T]["schema"]>;

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];
