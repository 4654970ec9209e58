// One event's time series (sold, revenue, fees, tax, refunds) in hour or day buckets of the event's zone,
// from stored rows: a charged order counts when it was paid, a succeeded refund when it was made. One
// aggregate statement (sales, their tickets, refunds) summed per quarter hour in PostgreSQL; the quarter hours
// are put in the zone's hours or days here, with the same time-zone data (Node's ICU) as every other time the
// app shows: the database's tz data may differ (PGlite's keeps British Columbia on UTC−7 from November 2026,
// ICU's does not), and the buckets must be the ones the chart labels. Empty buckets are filled so a chart has
// every hour or day.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { findReportEvent, toReportEvent } from "@/lib/reports/find-report-event";
import {
  bucketIndex,
  resolveMetricsRange,
  type MetricsQuery,
  type MetricsRange,
} from "@/lib/reports/metrics-range";
import { chargedOrder } from "@/lib/reports/report-sql";
import type { EventMetrics, MetricsPoint, MetricsSeries } from "@/lib/reports/types";

interface BucketRow {
  bucket: Date;
  currency: string;
  sold: number;
  grossMinor: number;
  platformFeesMinor: number;
  taxMinor: number;
  refundsMinor: number;
}

/** When a charged order was sold: its payment (orders from before paidAt was kept: their creation). */
const SOLD_AT = Prisma.sql`coalesce(o.paid_at, o.created_at)`;

export async function getEventMetrics(
  organizerId: string,
  eventId: string,
  query: MetricsQuery,
  now = new Date(),
): Promise<EventMetrics> {
  const event = await findReportEvent(db, organizerId, eventId);
  const [first] = await db.$queryRaw<{ firstSale: Date | null }[]>`
    SELECT min(${SOLD_AT}) AS "firstSale" FROM tickets_orders o
    WHERE o.organizer_id = ${organizerId} AND o.event_id = ${event.id} AND ${chargedOrder("o")}`;
  const end = now < event.endsAt ? now : event.endsAt;
  const range = resolveMetricsRange(
    query,
    { from: first?.firstSale ?? event.publishedAt ?? event.createdAt, to: end },
    event.timezone,
  );
  const rows = await queryQuarterHours(organizerId, event.id, range);
  const series = new Map<string, MetricsSeries>();
  const seriesFor = (currency: string) => {
    let found = series.get(currency);
    if (!found) {
      found = { currency, points: range.buckets.map((start) => emptyPoint(start)) };
      series.set(currency, found);
    }
    return found;
  };
  seriesFor(event.currency);
  for (const row of rows) {
    const point = seriesFor(row.currency).points[bucketIndex(range.buckets, row.bucket)];
    if (!point) continue;
    point.sold += row.sold;
    point.grossMinor += row.grossMinor;
    point.platformFeesMinor += row.platformFeesMinor;
    point.taxMinor += row.taxMinor;
    point.refundsMinor += row.refundsMinor;
  }
  return {
    event: toReportEvent(event),
    interval: range.interval,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    series: [...series.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

function emptyPoint(start: Date): MetricsPoint {
  return {
    start: start.toISOString(),
    sold: 0,
    grossMinor: 0,
    platformFeesMinor: 0,
    taxMinor: 0,
    refundsMinor: 0,
  };
}

/**
 * Rows are summed per quarter hour of real time (a float epoch, cheap per row); the caller puts each quarter
 * hour in its hour or day of the zone: every zone's offset is a whole number of quarter hours, so a local
 * hour or day never starts inside one. One scan of the charged orders
 * feeds both the money sums and the item join (a hash join: the statistics on coalesce(paid_at, created_at)
 * keep the planner from expecting a handful of rows and probing the items one order at a time).
 */
async function queryQuarterHours(
  organizerId: string,
  eventId: string,
  range: MetricsRange,
): Promise<BucketRow[]> {
  return db.$queryRaw<BucketRow[]>`
    WITH charged AS MATERIALIZED (
      SELECT o.id, o.currency, o.total_minor, o.application_fee_minor, o.tax_minor,
             floor(date_part('epoch', ${SOLD_AT}) / 900) AS slot
      FROM tickets_orders o
      WHERE o.organizer_id = ${organizerId} AND o.event_id = ${eventId} AND ${chargedOrder("o")}
        AND ${SOLD_AT} >= ${range.from} AND ${SOLD_AT} < ${range.to}
    ), parts (slot, currency, sold, gross, fees, tax, refunds) AS (
      SELECT slot, currency, 0, sum(total_minor), sum(application_fee_minor), sum(tax_minor), 0
      FROM charged GROUP BY slot, currency
      UNION ALL
      SELECT c.slot, c.currency, sum(i.quantity), 0, 0, 0, 0
      FROM charged c JOIN tickets_order_items i ON i.order_id = c.id
      GROUP BY c.slot, c.currency
      UNION ALL
      SELECT floor(date_part('epoch', r.created_at) / 900), o.currency, 0, 0, 0, 0, sum(r.amount_minor)
      FROM tickets_refunds r JOIN tickets_orders o ON o.id = r.order_id
      WHERE r.organizer_id = ${organizerId} AND o.organizer_id = ${organizerId} AND o.event_id = ${eventId}
        AND ${chargedOrder("o")} AND r.status = 'succeeded'
        AND r.created_at >= ${range.from} AND r.created_at < ${range.to}
      GROUP BY 1, 2
    )
    SELECT to_timestamp(slot * 900) AS bucket, currency,
           sum(sold)::float8 AS sold, sum(gross)::float8 AS "grossMinor",
           sum(fees)::float8 AS "platformFeesMinor", sum(tax)::float8 AS "taxMinor",
           sum(refunds)::float8 AS "refundsMinor"
    FROM parts
    GROUP BY 1, 2
    ORDER BY 1`;
}
