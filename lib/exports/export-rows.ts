// What each CSV export contains: its columns and how one database record becomes one row of cells. Pure, so
// the rules are unit-tested; lib/exports/read-export-page.ts reads the records, stream-event-export.ts writes
// the file.
//
// Cells are of two sorts. Text someone typed (buyer and holder names, emails, tier, device and discount
// names) is passed through neutralizeCsvCell, so a name like "=HYPERLINK(…)" cannot run as a formula. Money,
// counts, times, references and our own status words are written by our formatters and never start with = + @
// or a tab; money may start with "-" (a negative amount), and it must stay a number a spreadsheet can sum, so
// those cells are NOT neutralised. Times are ISO 8601 in the event's time zone with its offset then
// ("2026-12-07T19:30:00-08:00"); money is a plain decimal string in the order's currency ("12.50").
import { z } from "zod";
import { instantToZonedIso } from "@/lib/events/zoned-time";
import { neutralizeCsvCell } from "@/lib/exports/neutralize-csv-cell";
import { formatDecimalAmount } from "@/lib/money/format-decimal-amount";
import { orderReference, ticketShortCode } from "@/lib/orders/order-summary";

export const EXPORT_KINDS = ["orders", "attendees", "emails", "scans"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** `?kind=orders|attendees|emails|scans[&bom=1]`; anything else is a 422 naming the field. */
export const exportQuerySchema = z.object({
  kind: z.enum(EXPORT_KINDS, { error: `must be one of ${EXPORT_KINDS.join(", ")}` }),
  bom: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional(),
});

/** The marketing-consent column until the product asks buyers for consent (README "CSV exports"). */
export const CONSENT_NOT_COLLECTED = "not collected";

/**
 * A scan is reported "offline" when the device admitted on its own (forced) or the server received it more
 * than this long after it was scanned (it waited in the device's queue). The check-in records do not store
 * the device's connection, so this is read from the two times.
 */
export const OFFLINE_AFTER_MS = 60_000;

export const EXPORT_HEADERS = {
  orders: [
    "reference",
    "created",
    "paid",
    "status",
    "channel",
    "buyer name",
    "buyer email",
    "items",
    "subtotal",
    "discount",
    "discount code",
    "fee",
    "tax",
    "total",
    "refunded",
    "currency",
  ],
  attendees: [
    "ticket reference",
    "holder name",
    "holder email",
    "tier",
    "ticket status",
    "order reference",
    "buyer name",
    "buyer email",
    "checked in at",
  ],
  emails: ["buyer email", "buyer name", "orders", "tickets", "first order", "marketing consent"],
  scans: [
    "scanned at",
    "ticket reference",
    "tier",
    "holder",
    "result",
    "reason",
    "method",
    "device",
    "connection",
    "received at",
  ],
} as const satisfies Record<ExportKind, readonly string[]>;

export interface OrderExportRecord {
  id: string;
  createdAt: Date;
  paidAt: Date | null;
  status: string;
  channel: string;
  buyerName: string;
  buyerEmail: string;
  items: { quantity: number; tierName: string }[];
  subtotalMinor: number;
  discountMinor: number;
  discountCode: string | null;
  feeMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
}

export interface AttendeeExportRecord {
  ticketId: string;
  holderName: string | null;
  holderEmail: string | null;
  tierName: string;
  status: string;
  orderId: string;
  buyerName: string;
  buyerEmail: string;
  checkedInAt: Date | null;
}

export interface EmailExportRecord {
  email: string;
  buyerName: string;
  orders: number;
  tickets: number;
  firstOrderAt: Date;
}

export interface ScanExportRecord {
  scannedAt: Date;
  receivedAt: Date;
  ticketId: string | null;
  tierName: string | null;
  holderName: string | null;
  result: string;
  reason: string | null;
  forced: boolean;
  manual: boolean;
  deviceName: string | null;
}

export interface ExportRecords {
  orders: OrderExportRecord;
  attendees: AttendeeExportRecord;
  emails: EmailExportRecord;
  scans: ScanExportRecord;
}

const text = (value: string | null): string => neutralizeCsvCell(value ?? "");
const time = (value: Date | null, timeZone: string): string =>
  value === null ? "" : instantToZonedIso(value, timeZone);

/** "2× General Admission; 1× VIP Balcony". */
export function describeOrderItems(items: readonly { quantity: number; tierName: string }[]): string {
  return items.map((item) => `${item.quantity}× ${item.tierName}`).join("; ");
}

export function orderExportRow(record: OrderExportRecord, timeZone: string): string[] {
  const money = (minor: number) => formatDecimalAmount(minor, record.currency);
  return [
    orderReference(record.id),
    time(record.createdAt, timeZone),
    time(record.paidAt, timeZone),
    record.status,
    record.channel,
    text(record.buyerName),
    text(record.buyerEmail),
    text(describeOrderItems(record.items)),
    money(record.subtotalMinor),
    money(record.discountMinor),
    text(record.discountCode),
    money(record.feeMinor),
    money(record.taxMinor),
    money(record.totalMinor),
    money(record.refundedMinor),
    record.currency.toUpperCase(),
  ];
}

export function attendeeExportRow(record: AttendeeExportRecord, timeZone: string): string[] {
  return [
    ticketShortCode(record.ticketId),
    text(record.holderName),
    text(record.holderEmail),
    text(record.tierName),
    record.status,
    orderReference(record.orderId),
    text(record.buyerName),
    text(record.buyerEmail),
    time(record.checkedInAt, timeZone),
  ];
}

export function emailExportRow(record: EmailExportRecord, timeZone: string): string[] {
  return [
    text(record.email),
    text(record.buyerName),
    String(record.orders),
    String(record.tickets),
    time(record.firstOrderAt, timeZone),
    CONSENT_NOT_COLLECTED,
  ];
}

export function scanExportRow(record: ScanExportRecord, timeZone: string): string[] {
  const offline =
    record.forced || record.receivedAt.getTime() - record.scannedAt.getTime() > OFFLINE_AFTER_MS;
  return [
    time(record.scannedAt, timeZone),
    record.ticketId === null ? "" : ticketShortCode(record.ticketId),
    text(record.tierName),
    text(record.holderName),
    record.result,
    record.reason ?? "",
    record.manual ? "manual" : "scan",
    text(record.deviceName),
    offline ? "offline" : "online",
    time(record.receivedAt, timeZone),
  ];
}

export const EXPORT_ROW: { [K in ExportKind]: (record: ExportRecords[K], timeZone: string) => string[] } = {
  orders: orderExportRow,
  attendees: attendeeExportRow,
  emails: emailExportRow,
  scans: scanExportRow,
};
