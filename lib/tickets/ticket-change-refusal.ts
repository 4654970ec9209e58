// Whether a ticket's holder may still send it on (transfer) or rename its holder, and if not, the sentence
// that says why. Pure: the callers read the state under the order's lock and throw a 409 with the sentence.

export interface TicketChangeState {
  status: "valid" | "refunded" | "void" | "transferred";
  disputed: boolean;
  /** Admitted at the door at least once. */
  checkedIn: boolean;
  /** A refund of this ticket was requested and Stripe has not confirmed it yet. */
  refundPending: boolean;
  eventStatus: "draft" | "published" | "cancelled" | "archived";
  eventStartsAt: Date;
  transfersEnabled: boolean;
}

/** null when `change` is allowed at `now`, else why not (shown to the buyer as is). */
export function ticketChangeRefusal(
  change: "transfer" | "rename",
  ticket: TicketChangeState,
  now: Date,
): string | null {
  const doing = change === "transfer" ? "transferred" : "renamed";
  switch (ticket.status) {
    case "transferred":
      return "This ticket was already transferred to someone else.";
    case "refunded":
      return `This ticket was refunded: it can no longer be ${doing}.`;
    case "void":
      return `This ticket is void: it can no longer be ${doing}.`;
    case "valid":
      break;
  }
  if (ticket.eventStatus === "cancelled" || ticket.eventStatus === "archived") {
    return `This event is ${ticket.eventStatus}: its tickets can no longer be ${doing}.`;
  }
  if (change === "transfer") {
    if (ticket.checkedIn) return "This ticket was already used at the door.";
    if (ticket.refundPending) return "A refund of this ticket is in progress: it cannot be transferred.";
    if (ticket.disputed) return "This ticket's payment is under review: it cannot be transferred for now.";
    if (!ticket.transfersEnabled) return "The organizer does not allow ticket transfers for this event.";
  }
  if (now.getTime() >= ticket.eventStartsAt.getTime()) {
    return change === "transfer"
      ? "Tickets can be transferred only until the event starts."
      : "Holder names can be changed only until the event starts.";
  }
  return null;
}
