// The aggregate queries behind the event summary and the organizer dashboard: one organizer's events, or one
// of them, grouped by event (and currency), with the organizer in every WHERE. Each is one statement that
// the (organizer_id, …) and (event_id, …) indexes answer without a scan of other organizers' rows.
import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { MoneySums } from "@/lib/reports/money-figures";
import { chargedOrder, compOrder, platformRefundPart, storedTaxLines } from "@/lib/reports/report-sql";
import type { CheckinProgress, CompFigures, TaxFigure } from "@/lib/reports/types";

export interface ReportScope {
  organizerId: string;
  /** One event, or every event of the organizer. */
  eventId?: string;
}

function eventFilter(column: string, scope: ReportScope): Prisma.Sql {
  return scope.eventId ? Prisma.sql`AND ${Prisma.raw(column)} = ${scope.eventId}` : Prisma.empty;
}

export type EventMoneySums = MoneySums & { eventId: string };

/** Sales and refunds per event and currency (events without charged orders are absent). */
export async function queryMoneySums(client: Db, scope: ReportScope): Promise<EventMoneySums[]> {
  return client.$queryRaw<EventMoneySums[]>`
    WITH charged AS (
      SELECT o.id, o.event_id, o.currency, o.total_minor, o.application_fee_minor, o.tax_minor, o.discount_minor
      FROM tickets_orders o
      WHERE o.organizer_id = ${scope.organizerId} ${eventFilter("o.event_id", scope)} AND ${chargedOrder("o")}
    ), sales AS (
      SELECT event_id, currency, count(*)::int AS orders, sum(total_minor)::float8 AS gross,
             sum(application_fee_minor)::float8 AS fees, sum(tax_minor)::float8 AS tax,
             sum(discount_minor)::float8 AS discount
      FROM charged GROUP BY event_id, currency
    ), items AS (
      SELECT c.event_id, c.currency, sum(i.quantity)::float8 AS tickets
      FROM charged c JOIN tickets_order_items i ON i.order_id = c.id
      GROUP BY c.event_id, c.currency
    ), refunds AS (
      SELECT c.event_id, c.currency, count(*)::int AS n, sum(r.amount_minor)::float8 AS amount,
             sum(${platformRefundPart("r")})::float8 AS platform
      FROM tickets_refunds r JOIN charged c ON c.id = r.order_id
      WHERE r.organizer_id = ${scope.organizerId} AND r.status = 'succeeded'
      GROUP BY c.event_id, c.currency
    )
    SELECT s.event_id AS "eventId", s.currency, s.orders, coalesce(i.tickets, 0) AS tickets,
           s.gross AS "grossMinor", s.fees AS "platformFeesMinor", coalesce(r.amount, 0) AS "refundsMinor",
           coalesce(r.n, 0) AS "refundCount", coalesce(r.platform, 0) AS "platformRefundsMinor",
           s.tax AS "taxMinor", s.discount AS "discountMinor"
    FROM sales s
    LEFT JOIN items i ON i.event_id = s.event_id AND i.currency = s.currency
    LEFT JOIN refunds r ON r.event_id = s.event_id AND r.currency = s.currency
    ORDER BY s.event_id, s.currency`;
}

/** Tax charged on charged orders, per tax name and currency (what the orders' stored tax lines say). */
export async function queryTaxSums(client: Db, scope: ReportScope): Promise<TaxFigure[]> {
  return client.$queryRaw<TaxFigure[]>`
    SELECT o.currency, t.line->>'name' AS name, sum((t.line->>'amountMinor')::bigint)::float8 AS "amountMinor"
    FROM tickets_orders o CROSS JOIN LATERAL ${storedTaxLines("o")} AS t
    WHERE o.organizer_id = ${scope.organizerId} ${eventFilter("o.event_id", scope)} AND ${chargedOrder("o")}
    GROUP BY o.currency, t.line->>'name'
    ORDER BY o.currency, t.line->>'name'`;
}

export interface EventTicketSums {
  eventId: string;
  comps: CompFigures;
  checkin: CheckinProgress;
}

/** Per event: comp orders and their valid tickets, valid tickets and how many of them were admitted. */
export async function queryTicketSums(client: Db, scope: ReportScope): Promise<EventTicketSums[]> {
  const rows = await client.$queryRaw<
    { eventId: string; valid: number; checkedIn: number; compOrders: number; compTickets: number }[]
  >`
    WITH organizer_events AS (
      SELECT e.id FROM tickets_events e
      WHERE e.organizer_id = ${scope.organizerId} ${eventFilter("e.id", scope)}
    ), tickets AS (
      -- One pass over the valid tickets, through the tiers (the (tier_id, status) index answers without other
      -- events' tickets); admitted is a hashed set of the events' admitted check-ins, probed once per ticket.
      SELECT t.event_id, count(*)::int AS valid,
             count(*) FILTER (WHERE k.id IN (
               SELECT c.ticket_id FROM tickets_checkins c
               WHERE c.event_id IN (SELECT id FROM organizer_events) AND c.result = 'admitted'))::int AS admitted
      FROM tickets_tickets k JOIN tickets_tiers t ON t.id = k.tier_id
      WHERE t.event_id IN (SELECT id FROM organizer_events) AND k.status = 'valid'
        AND k.organizer_id = ${scope.organizerId}
      GROUP BY t.event_id
    ), comps AS (
      SELECT o.event_id, count(*)::int AS orders,
             sum((SELECT count(*) FROM tickets_tickets k WHERE k.order_id = o.id AND k.status = 'valid'))::int
               AS tickets
      FROM tickets_orders o
      WHERE o.organizer_id = ${scope.organizerId} ${eventFilter("o.event_id", scope)} AND ${compOrder("o")}
      GROUP BY o.event_id
    )
    SELECT e.id AS "eventId", coalesce(k.valid, 0) AS valid, coalesce(k.admitted, 0) AS "checkedIn",
           coalesce(c.orders, 0) AS "compOrders", coalesce(c.tickets, 0) AS "compTickets"
    FROM tickets_events e
    LEFT JOIN tickets k ON k.event_id = e.id
    LEFT JOIN comps c ON c.event_id = e.id
    WHERE e.organizer_id = ${scope.organizerId} ${eventFilter("e.id", scope)}`;
  return rows.map((r) => ({
    eventId: r.eventId,
    comps: { orders: r.compOrders, tickets: r.compTickets },
    checkin: { valid: r.valid, checkedIn: r.checkedIn },
  }));
}
