// The order as the buyer (or the organizer's team) sees it: the JSON of GET /api/tickets/orders/:id and
// the data of the passes page. Plain types and pure helpers only (no runtime dependencies), so client
// components can import them.
import type { EventPlace } from "@/lib/events/event-display";

export type OrderSummaryStatus =
  "pending" | "paid" | "expired" | "cancelled" | "refunded" | "partially_refunded";

export type PassStatus = "valid" | "refunded" | "void" | "transferred";

export interface OrderSummaryTaxLine {
  name: string;
  /** Basis points (500 = 5%), when known. */
  rateBps: number | null;
  inclusive: boolean;
  amountMinor: number;
}

export interface OrderSummaryLine {
  id: string;
  tierName: string;
  quantity: number;
  unitPriceMinor: number;
  /** Whole line (all seats). */
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxLines: OrderSummaryTaxLine[];
}

export interface OrderSummaryTicket {
  id: string;
  /** What the box office types to find the ticket (see ticketShortCode). */
  shortCode: string;
  tierName: string;
  holderName: string | null;
  status: PassStatus;
  disputed: boolean;
  /** For a transferred ticket: the name of the person it was sent to. */
  transferredTo: string | null;
}

export interface OrderSummaryEvent extends EventPlace {
  id: string;
  slug: string;
  title: string;
  organizerName: string;
  /** ISO 8601 (UTC). */
  startsAt: string;
  endsAt: string;
  /** "Sat, Dec 27, 2026, 8:00 PM PST": in the event's time zone. */
  startsAtLocal: string;
  endsAtLocal: string;
  coverImageUrl: string | null;
  /** The organizer lets buyers send tickets on (until the start). */
  transfersEnabled: boolean;
}

export interface OrderSummary {
  id: string;
  status: OrderSummaryStatus;
  /** `comp`: complimentary tickets, nothing was paid. */
  channel: "online" | "comp";
  currency: string;
  buyerName: string;
  createdAt: string;
  paidAt: string | null;
  /** When an unpaid order's checkout runs out (ISO), if it has one. */
  expiresAt: string | null;
  event: OrderSummaryEvent;
  lines: OrderSummaryLine[];
  /** Order-level tax lines, by name, as charged. */
  taxLines: OrderSummaryTaxLine[];
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    feeMinor: number;
    taxMinor: number;
    totalMinor: number;
    refundedMinor: number;
  };
  /** Never carries ticket secrets: QR codes come from GET /api/tickets/tickets/:id/qrcode. */
  tickets: OrderSummaryTicket[];
}

/**
 * The 8-character code the box office looks a ticket up by: the LAST 8 characters of the id, upper-cased.
 * Ticket ids are cuids (v1): `c` + creation timestamp + counter + fingerprint + 8 random characters, so
 * the first 8 characters are the same for every ticket issued in the same moment (a whole order); the last
 * 8 are random. Look a code up with `id: { endsWith: code.toLowerCase() }` within the event.
 */
export function ticketShortCode(ticketId: string): string {
  return ticketId.slice(-8).toUpperCase();
}

/**
 * The order's reference as everyone sees it (passes page, emails, organizer portal, search): the last 8
 * characters of its id, upper-cased, for the same reason as ticket short codes.
 */
export function orderReference(orderId: string): string {
  return orderId.slice(-8).toUpperCase();
}

/** "GST (5%)", or "VAT (20%, included in prices)" — the name with its rate when known. */
export function taxLineLabel(line: { name: string; rateBps: number | null; inclusive: boolean }): string {
  const notes = [
    line.rateBps === null ? null : `${formatRate(line.rateBps)}%`,
    line.inclusive ? "included in prices" : null,
  ].filter(Boolean);
  return notes.length > 0 ? `${line.name} (${notes.join(", ")})` : line.name;
}

function formatRate(bps: number): string {
  return (bps / 100).toFixed(3).replace(/\.?0+$/, "");
}

/** Polling statuses: the order may still turn into tickets. */
export function isAwaitingPayment(status: OrderSummaryStatus): boolean {
  return status === "pending";
}

/** Statuses where the buyer holds (or held) tickets. */
export function hasPasses(status: OrderSummaryStatus): boolean {
  return status === "paid" || status === "refunded" || status === "partially_refunded";
}

/** The QR image of one ticket, for the holder of the order's token (GET /api/tickets/tickets/:id/qrcode). */
/** One ticket's downloads on the passes page: its PDF page and its wallet passes. */
export function ticketDownloadPaths(orderId: string, ticketId: string, token: string) {
  const order = `/api/tickets/orders/${encodeURIComponent(orderId)}`;
  const ticket = encodeURIComponent(ticketId);
  const query = `token=${encodeURIComponent(token)}`;
  return {
    pdf: `${order}/tickets.pdf?${query}&ticket=${ticket}`,
    appleWallet: `${order}/tickets/${ticket}/apple-wallet?${query}`,
    googleWallet: `${order}/tickets/${ticket}/google-wallet?${query}`,
  };
}

export function ticketQrCodePath(ticketId: string, token: string, format: "png" | "svg" = "png"): string {
  const query = `token=${encodeURIComponent(token)}&format=${format}`;
  return `/api/tickets/tickets/${encodeURIComponent(ticketId)}/qrcode?${query}`;
}
