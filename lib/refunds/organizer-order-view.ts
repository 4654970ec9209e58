// The organizer's view of orders (JSON of GET /api/tickets/orders and GET /api/tickets/orders/:id/refund).
// Plain types only, so client components can import them.
export type OrderStatusJson =
  "pending" | "paid" | "expired" | "cancelled" | "refunded" | "partially_refunded";
export type RefundStatusJson = "pending" | "succeeded" | "failed";
export type OrderChannelJson = "online" | "comp";

export interface OrganizerOrderRow {
  id: string;
  buyerName: string;
  buyerEmail: string;
  /** `timezone`: the zone every time of the order is shown in (formatInZone). */
  event: { id: string; title: string; timezone: string };
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  status: OrderStatusJson;
  /** `comp`: complimentary tickets issued without payment (shown with a "Comp" badge). */
  channel: OrderChannelJson;
  disputed: boolean;
  createdAt: string;
}

export interface OrganizerOrderLine {
  id: string;
  tierName: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxLines: { name: string; amountMinor: number }[];
}

export interface OrganizerOrderTicket {
  id: string;
  shortCode: string;
  tierName: string;
  status: "valid" | "refunded" | "void" | "transferred";
  disputed: boolean;
  /** Reserved by a pending refund. */
  refundPending: boolean;
}

export interface OrganizerOrderRefund {
  id: string;
  amountMinor: number;
  status: RefundStatusJson;
  /** The message emailed to the buyer. */
  reason: string | null;
  /** The team's note, never sent to the buyer. */
  internalNote: string | null;
  failureReason: string | null;
  ticketIds: string[];
  adminOverride: string | null;
  stripeRefundId: string | null;
  /** The platform's part of the refund (its fee); the organizer returns amountMinor − this. Null when the
   * refund was not ours to split (Stripe dashboard, disputes). */
  applicationFeeMinor: number | null;
  /** Set when moving the money between organizer and platform failed after the buyer was refunded. */
  settlementError: string | null;
  createdAt: string;
}

export interface OrganizerOrderDetail extends OrganizerOrderRow {
  subtotalMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  chargeType: "destination" | "direct";
  paidAt: string | null;
  /** What a new refund may still take: total − refunded − pending refunds. */
  refundableMinor: number;
  /** ISO, or null when refunds have no deadline. */
  allowRefundsUntil: string | null;
  lines: OrganizerOrderLine[];
  tickets: OrganizerOrderTicket[];
  refunds: OrganizerOrderRefund[];
}

export function hasPendingRefund(order: Pick<OrganizerOrderDetail, "refunds">): boolean {
  return order.refunds.some((r) => r.status === "pending");
}
