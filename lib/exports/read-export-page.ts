// One page of an export's records, read by keyset (never OFFSET): each page starts strictly after the last
// row of the one before, on the same order as an index, so page 50 costs what page 1 does and memory holds
// one page at a time. The tenant (organizer and event) is in every query.
//   orders     by (created_at, id) on tickets_orders (organizer_id, event_id, created_at, id)
//   attendees  by the order's (created_at, id), then the ticket id: tickets grouped under their order
//   emails     by buyer email (one row per address; emails are stored in one spelling, lib/auth/email.ts)
//   scans      by (received_at, id) on tickets_checkins (event_id, received_at): the order they arrived in
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { ExportKind, ExportRecords } from "@/lib/exports/export-rows";
import { DEFAULT_ORDER_LIST_STATUSES } from "@/lib/refunds/order-list-query";

export interface ExportScope {
  organizerId: string;
  eventId: string;
}

/** Where the next page starts: the last row's sort key. Opaque outside this file. */
export type ExportCursor =
  | { kind: "orders"; createdAt: Date; id: string }
  | { kind: "attendees"; orderCreatedAt: Date; orderId: string; ticketId: string }
  | { kind: "emails"; email: string }
  | { kind: "scans"; receivedAt: Date; id: string };

export interface ExportPage<K extends ExportKind> {
  records: ExportRecords[K][];
  /** Null on the last page (fewer rows than asked for). */
  next: ExportCursor | null;
}

/** The orders every export covers: completed checkouts (the order list's default), not pending or expired. */
const EXPORTED_STATUSES = DEFAULT_ORDER_LIST_STATUSES;

/**
 * Runs a page's query with no parallel workers: a page is a short index walk (LIMIT a few thousand), where
 * starting workers costs more than it saves (one EXPLAIN ANALYZE of an attendees page at 100,000 orders on the
 * loaded 2-core test machine: 40 ms without workers, 66 ms with two), and the CPU is better spent
 * on the previous page's CSV, which Node writes meanwhile.
 * And in UTC: the Prisma pg adapter sends a Date as a wall clock without a zone and reads a timestamptz back
 * without its offset, which round-trip only in UTC. In a session in a zone with summer time, a cursor on an
 * instant in the repeated hour of a fall-back night would come back as the other instant of that wall clock
 * and skip (or repeat) rows (lib/exports/read-export-page.test.ts).
 */
async function withPageSettings<T>(query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, , rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    db.$executeRaw`SET LOCAL TimeZone = 'UTC'`,
    query,
  ]);
  return rows;
}

function cursorFor<C extends ExportCursor["kind"]>(
  cursor: ExportCursor | null,
  kind: C,
): Extract<ExportCursor, { kind: C }> | null {
  if (cursor === null) return null;
  if (cursor.kind !== kind) throw new Error(`An ${cursor.kind} cursor cannot page ${kind}.`);
  return cursor as Extract<ExportCursor, { kind: C }>;
}

interface OrderRow {
  id: string;
  created_at: Date;
  paid_at: Date | null;
  status: string;
  channel: string;
  buyer_name: string;
  buyer_email: string;
  subtotal_minor: number;
  discount_minor: number;
  fee_minor: number;
  tax_minor: number;
  total_minor: number;
  refunded_minor: number;
  currency: string;
  discount_code: string | null;
  quantities: number[] | null;
  tier_names: string[] | null;
}

async function readOrders(
  scope: ExportScope,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportPage<"orders">> {
  const after = cursorFor(cursor, "orders");
  const rows = await withPageSettings(db.$queryRaw<OrderRow[]>`
    SELECT o.id, o.created_at, o.paid_at, o.status::text AS status, o.channel::text AS channel,
           o.buyer_name, o.buyer_email, o.subtotal_minor, o.discount_minor, o.fee_minor, o.tax_minor,
           o.total_minor, o.refunded_minor, o.currency, d.code AS discount_code, i.quantities, i.tier_names
    FROM tickets_orders o
    LEFT JOIN tickets_discounts d ON d.id = o.discount_id AND d.event_id = o.event_id
    LEFT JOIN LATERAL (
      SELECT array_agg(oi.quantity ORDER BY oi.created_at, oi.id) AS quantities,
             array_agg(oi.tier_name ORDER BY oi.created_at, oi.id) AS tier_names
      FROM tickets_order_items oi WHERE oi.order_id = o.id
    ) i ON true
    WHERE o.organizer_id = ${scope.organizerId} AND o.event_id = ${scope.eventId}
      AND o.status = ANY(${EXPORTED_STATUSES}::tickets_order_status[])
      ${after ? Prisma.sql`AND (o.created_at, o.id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
    ORDER BY o.created_at, o.id
    LIMIT ${limit}`);
  const last = rows.at(-1);
  return {
    records: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      paidAt: r.paid_at,
      status: r.status,
      channel: r.channel,
      buyerName: r.buyer_name,
      buyerEmail: r.buyer_email,
      items: (r.quantities ?? []).map((quantity, i) => ({ quantity, tierName: r.tier_names?.[i] ?? "" })),
      subtotalMinor: r.subtotal_minor,
      discountMinor: r.discount_minor,
      discountCode: r.discount_code,
      feeMinor: r.fee_minor,
      taxMinor: r.tax_minor,
      totalMinor: r.total_minor,
      refundedMinor: r.refunded_minor,
      currency: r.currency,
    })),
    next: last && rows.length === limit ? { kind: "orders", createdAt: last.created_at, id: last.id } : null,
  };
}

interface AttendeeRow {
  ticket_id: string;
  holder_name: string | null;
  holder_email: string | null;
  tier_name: string;
  status: string;
  order_id: string;
  order_created_at: Date;
  buyer_name: string;
  buyer_email: string;
  checked_in_at: Date | null;
}

async function readAttendees(
  scope: ExportScope,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportPage<"attendees">> {
  const after = cursorFor(cursor, "attendees");
  // The pair condition (>=) lets the order index start at the cursor; the triple one skips the tickets of
  // the cursor's order already written.
  const rows = await withPageSettings(db.$queryRaw<AttendeeRow[]>`
    SELECT t.id AS ticket_id, t.holder_name, t.holder_email, tr.name AS tier_name, t.status::text AS status,
           o.id AS order_id, o.created_at AS order_created_at, o.buyer_name, o.buyer_email,
           (SELECT min(c.scanned_at) FROM tickets_checkins c
            WHERE c.ticket_id = t.id AND c.result = 'admitted') AS checked_in_at
    FROM tickets_orders o
    JOIN tickets_tickets t ON t.order_id = o.id AND t.organizer_id = o.organizer_id AND t.event_id = o.event_id
    JOIN tickets_tiers tr ON tr.id = t.tier_id
    WHERE o.organizer_id = ${scope.organizerId} AND o.event_id = ${scope.eventId}
      AND o.status = ANY(${EXPORTED_STATUSES}::tickets_order_status[])
      ${
        after
          ? Prisma.sql`AND (o.created_at, o.id) >= (${after.orderCreatedAt}, ${after.orderId})
                       AND (o.created_at, o.id, t.id) > (${after.orderCreatedAt}, ${after.orderId}, ${after.ticketId})`
          : Prisma.empty
      }
    ORDER BY o.created_at, o.id, t.id
    LIMIT ${limit}`);
  const last = rows.at(-1);
  return {
    records: rows.map((r) => ({
      ticketId: r.ticket_id,
      holderName: r.holder_name,
      holderEmail: r.holder_email,
      tierName: r.tier_name,
      status: r.status,
      orderId: r.order_id,
      buyerName: r.buyer_name,
      buyerEmail: r.buyer_email,
      checkedInAt: r.checked_in_at,
    })),
    next:
      last && rows.length === limit
        ? {
            kind: "attendees",
            orderCreatedAt: last.order_created_at,
            orderId: last.order_id,
            ticketId: last.ticket_id,
          }
        : null,
  };
}

interface EmailRow {
  email: string;
  buyer_name: string;
  orders: number;
  tickets: number;
  first_order_at: Date;
}

async function readEmails(
  scope: ExportScope,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportPage<"emails">> {
  const after = cursorFor(cursor, "emails");
  // The page's addresses first, then everything about just those: the name is the latest order's.
  const rows = await withPageSettings(db.$queryRaw<EmailRow[]>`
    WITH page AS (
      SELECT DISTINCT o.buyer_email FROM tickets_orders o
      WHERE o.organizer_id = ${scope.organizerId} AND o.event_id = ${scope.eventId}
        AND o.status = ANY(${EXPORTED_STATUSES}::tickets_order_status[])
        ${after ? Prisma.sql`AND o.buyer_email > ${after.email}` : Prisma.empty}
      ORDER BY o.buyer_email
      LIMIT ${limit}
    )
    SELECT o.buyer_email AS email,
           (array_agg(o.buyer_name ORDER BY o.created_at DESC, o.id DESC))[1] AS buyer_name,
           count(*)::int AS orders,
           sum((SELECT count(*) FROM tickets_tickets t WHERE t.order_id = o.id))::int AS tickets,
           min(o.created_at) AS first_order_at
    FROM tickets_orders o JOIN page p ON p.buyer_email = o.buyer_email
    WHERE o.organizer_id = ${scope.organizerId} AND o.event_id = ${scope.eventId}
      AND o.status = ANY(${EXPORTED_STATUSES}::tickets_order_status[])
    GROUP BY o.buyer_email
    ORDER BY o.buyer_email`);
  const last = rows.at(-1);
  return {
    records: rows.map((r) => ({
      email: r.email,
      buyerName: r.buyer_name,
      orders: r.orders,
      tickets: r.tickets,
      firstOrderAt: r.first_order_at,
    })),
    next: last && rows.length === limit ? { kind: "emails", email: last.email } : null,
  };
}

interface ScanRow {
  id: string;
  scanned_at: Date;
  received_at: Date;
  ticket_id: string | null;
  tier_name: string | null;
  holder_name: string | null;
  result: string;
  reason: string | null;
  forced: boolean;
  manual: boolean;
  device_name: string | null;
}

async function readScans(
  scope: ExportScope,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportPage<"scans">> {
  const after = cursorFor(cursor, "scans");
  const rows = await withPageSettings(db.$queryRaw<ScanRow[]>`
    SELECT c.id, c.scanned_at, c.received_at, c.ticket_id, tr.name AS tier_name, t.holder_name,
           c.result::text AS result, c.reason, c.forced, c.manual, d.name AS device_name
    FROM tickets_checkins c
    JOIN tickets_events e ON e.id = c.event_id
    LEFT JOIN tickets_tickets t ON t.id = c.ticket_id AND t.event_id = c.event_id
    LEFT JOIN tickets_tiers tr ON tr.id = t.tier_id
    LEFT JOIN tickets_scanner_devices d ON d.id = c.device_id AND d.event_id = c.event_id
    WHERE c.event_id = ${scope.eventId} AND e.organizer_id = ${scope.organizerId}
      ${after ? Prisma.sql`AND (c.received_at, c.id) > (${after.receivedAt}, ${after.id})` : Prisma.empty}
    ORDER BY c.received_at, c.id
    LIMIT ${limit}`);
  const last = rows.at(-1);
  return {
    records: rows.map((r) => ({
      scannedAt: r.scanned_at,
      receivedAt: r.received_at,
      ticketId: r.ticket_id,
      tierName: r.tier_name,
      holderName: r.holder_name,
      result: r.result,
      reason: r.reason,
      forced: r.forced,
      manual: r.manual,
      deviceName: r.device_name,
    })),
    next: last && rows.length === limit ? { kind: "scans", receivedAt: last.received_at, id: last.id } : null,
  };
}

const READERS: {
  [K in ExportKind]: (
    scope: ExportScope,
    cursor: ExportCursor | null,
    limit: number,
  ) => Promise<ExportPage<K>>;
} = { orders: readOrders, attendees: readAttendees, emails: readEmails, scans: readScans };

export function readExportPage<K extends ExportKind>(
  kind: K,
  scope: ExportScope,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportPage<K>> {
  return READERS[kind](scope, cursor, limit);
}
