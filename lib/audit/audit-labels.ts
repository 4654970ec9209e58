// Readable labels for audit actions (`tickets.<noun>.<verb>`), for the order timeline and the admin audit
// log. An action without a label here is still shown, spelled out from its name. No database, no React.

const LABELS: Record<string, string> = {
  "tickets.order.paid": "Paid",
  "tickets.order.expired": "Checkout expired without payment",
  "tickets.order.payment_failed": "Payment failed",
  "tickets.order.confirmation_resent": "Confirmation email sent again",
  "tickets.order.access_link_rotated": "Buyer's link replaced",
  "tickets.order.tickets_pdf_downloaded": "Tickets PDF downloaded by the team",
  "tickets.order.late_payment_refunded": "Late payment refunded automatically",
  "tickets.order.checkout_cancelled": "Checkout stopped before payment; seats released",
  "tickets.refund.requested": "Refund requested",
  "tickets.refund.requested_with_admin_override": "Refund requested by a platform admin (override)",
  "tickets.refund.applied": "Refund confirmed by Stripe",
  "tickets.refund.settled": "Refund settled between organizer and platform",
  "tickets.refund.failed": "Refund failed",
  "tickets.refund.settlement_failed": "Refund settlement failed",
  "tickets.dispute.opened": "Dispute opened by the buyer's bank",
  "tickets.dispute.won": "Dispute won",
  "tickets.ticket.qr_code_viewed": "Ticket QR code viewed by the team",
  "tickets.ticket.checked_in": "Ticket checked in",
  "tickets.organizer.suspended": "Organizer suspended",
  "tickets.organizer.resumed": "Organizer resumed",
  "tickets.event.moderated": "Event unpublished by a platform admin",
  "tickets.event.appealed": "Review asked for",
  "tickets.event.restored": "Event republished by a platform admin",
  "tickets.event.kept_down": "Event kept unpublished by a platform admin",
  "tickets.report.filed": "Event reported",
  "tickets.report.dismissed": "Report dismissed",
};

/** "tickets.order.access_link_rotated" → its label, or "Order: access link rotated" when it has none. */
export function auditActionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const [noun = "", ...rest] = action.replace(/^tickets\./, "").split(".");
  const verb = rest.join(" ").replace(/_/g, " ");
  const subject = noun.replace(/_/g, " ");
  const title = subject.charAt(0).toUpperCase() + subject.slice(1);
  return verb ? `${title}: ${verb}` : title;
}

/** Who did it, for an organizer's timeline: the member's email, or the kind of actor (a platform admin is
 * not named to organizers). */
export function auditActorLabel(actorType: string, email: string | null): string {
  if (actorType === "admin") return "Platform admin";
  if (email) return email;
  switch (actorType) {
    case "stripe":
      return "Stripe";
    case "buyer":
      return "Buyer (order link)";
    case "system":
      return "Stagedoor";
    case "device":
      return "Door scanner";
    default:
      return "A team member";
  }
}
