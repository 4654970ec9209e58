// One event's time series (sold, revenue, fees, tax, refunds) in hour or day buckets of the event's zone,
// from stored rows: a charged order counts when it was paid, a succeeded refund when it was made. Two
// aggregate statements (sales with their tickets, refunds) grouped by date_trunc(unit, time, zone) in
// PostgreSQL; empty buckets are filled here so a chart has every hour or day.
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
  const rows = await queryBuckets(organizerId, event.id, event.timezone, range);
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

async function queryBuckets(
  organizerId: string,
  eventId: string,
  timeZone: string,
  range: MetricsRange,
): Promise<BucketRow[]> {
  const unit = range.interval;
  return db.$queryRaw<BucketRow[]>`
    WITH charged AS (
      SELECT o.id, o.currency, o.total_minor, o.application_fee_minor, o.tax_minor,
             date_trunc(${unit}::text, ${SOLD_AT}, ${timeZone}::text) AS bucket
      FROM tickets_orders o
      WHERE o.organizer_id = ${organizerId} AND o.event_id = ${eventId} AND ${chargedOrder("o")}
        AND ${SOLD_AT} >= ${range.from} AND ${SOLD_AT} < ${range.to}
    ), sales AS (
      SELECT bucket, currency, sum(total_minor)::float8 AS gross, sum(application_fee_minor)::float8 AS fees,
             sum(tax_minor)::float8 AS tax
      FROM charged GROUP BY bucket, currency
    ), sold AS (
      SELECT c.bucket, c.currency, sum(i.quantity)::float8 AS tickets
      FROM charged c JOIN tickets_order_items i ON i.order_id = c.id
      GROUP BY c.bucket, c.currency
    ), refunds AS (
      SELECT date_trunc(${unit}::text, r.created_at, ${timeZone}::text) AS bucket, o.currency,
             sum(r.amount_minor)::float8 AS amount
      FROM tickets_refunds r JOIN tickets_orders o ON o.id = r.order_id
      WHERE r.organizer_id = ${organizerId} AND o.organizer_id = ${organizerId} AND o.event_id = ${eventId}
        AND ${chargedOrder("o")} AND r.status = 'succeeded'
        AND r.created_at >= ${range.from} AND r.created_at < ${range.to}
      GROUP BY 1, 2
    )
    SELECT coalesce(s.bucket, r.bucket) AS bucket, coalesce(s.currency, r.currency) AS currency,
           coalesce(t.tickets, 0) AS sold, coalesce(s.gross, 0) AS "grossMinor",
           coalesce(s.fees, 0) AS "platformFeesMinor", coalesce(s.tax, 0) AS "taxMinor",
           coalesce(r.amount, 0) AS "refundsMinor"
    FROM sales s
    LEFT JOIN sold t ON t.bucket = s.bucket AND t.currency = s.currency
    FULL JOIN refunds r ON r.bucket = s.bucket AND r.currency = s.currency
    ORDER BY 1`;
}
