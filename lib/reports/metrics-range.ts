// The metrics API's time range and buckets, pure (no database): the query as sent (from, to, interval), the
// range it means in the event's zone, and the start of every bucket in it. Buckets are hours or days of the
// event's wall clock: a day is local midnight to local midnight (23 or 25 hours on a DST change), an hour is
// an hour of real time that starts on a whole local hour (so the repeated 1 AM of a fall-back night is two
// buckets). The SQL side sums per quarter hour; bucketIndex puts each quarter hour in its bucket.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { instantToLocalInput, parseLocalDateTime, zonedTimeToInstant } from "@/lib/events/zoned-time";
import { dateBound, resolveOrderDateRange } from "@/lib/refunds/order-list-query";

export const METRICS_INTERVALS = ["hour", "day"] as const;
export type MetricsInterval = (typeof METRICS_INTERVALS)[number];

/** Most buckets one answer may have: hour buckets over at most 31 days (one of them may have 25 hours), day
 * buckets over about three years. */
export const MAX_BUCKETS: Record<MetricsInterval, number> = { hour: 31 * 24 + 1, day: 1_100 };

const HOUR_MS = 60 * 60 * 1000;

/** GET /api/tickets/events/:id/metrics?from&to&interval: blank values count as absent. */
export const metricsQuerySchema = z.preprocess(
  (input) => {
    if (typeof input !== "object" || input === null) return input;
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>)
        .map(([key, value]) => [key, typeof value === "string" ? value.trim() : value] as const)
        .filter(([, value]) => value !== ""),
    );
  },
  z.object({
    from: dateBound.optional(),
    to: dateBound.optional(),
    interval: z
      .enum(METRICS_INTERVALS, { error: `must be one of ${METRICS_INTERVALS.join(", ")}` })
      .optional(),
  }),
);

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export interface MetricsRange {
  from: Date;
  to: Date;
  interval: MetricsInterval;
  /** Start of every bucket overlapping [from, to), in order; the first is at or before `from`. */
  buckets: Date[];
}

/** The wall-clock fields of an instant in a zone (to the minute, plus the instant's own seconds). */
function wallClock(instant: Date, timeZone: string) {
  const local = parseLocalDateTime(instantToLocalInput(instant, timeZone));
  if (!local) throw new RangeError(`cannot read ${instant.toISOString()} in ${timeZone}`);
  return local;
}

/** The start of the bucket holding `instant`: its local hour, or its local day's midnight. */
export function bucketStart(instant: Date, interval: MetricsInterval, timeZone: string): Date {
  const wall = wallClock(instant, timeZone);
  if (interval === "hour") {
    // Back to the whole local hour in real time (an offset of whole or half hours keeps :00 local = :00 or :30 UTC).
    const intoHour = wall.minute * 60_000 + (instant.getTime() % 60_000);
    return new Date(instant.getTime() - intoHour);
  }
  return zonedTimeToInstant({ ...wall, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The bucket after the one starting at `start`. */
function nextBucket(start: Date, interval: MetricsInterval, timeZone: string): Date {
  if (interval === "hour") return new Date(start.getTime() + HOUR_MS);
  const wall = wallClock(start, timeZone);
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return zonedTimeToInstant(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

/** Every bucket start overlapping [from, to); throws once there would be more than `max`. */
export function bucketStarts(
  from: Date,
  to: Date,
  interval: MetricsInterval,
  timeZone: string,
  max = MAX_BUCKETS[interval],
): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(from, interval, timeZone); start < to;) {
    if (starts.length === max) throw tooManyBuckets(interval);
    starts.push(start);
    const next = nextBucket(start, interval, timeZone);
    start = next > start ? next : new Date(start.getTime() + HOUR_MS);
  }
  return starts;
}

function tooManyBuckets(interval: MetricsInterval): AppError {
  return AppError.validation(
    "interval",
    interval === "hour"
      ? `hour covers at most 31 days: use interval=day or a shorter range`
      : `day covers at most ${MAX_BUCKETS.day} days: use a shorter range`,
  );
}

/**
 * The range and buckets a query asks for. Without from/to: `defaults` (the event's first sale to now or
 * its end). Without an interval: hours for up to two days, else days; a defaulted range is shortened to
 * what the interval can show (the latest part) rather than refused. 422 naming the field for a range that
 * is empty or backwards (`to`) or has too many buckets (`interval`).
 */
export function resolveMetricsRange(
  query: MetricsQuery,
  defaults: { from: Date; to: Date },
  timeZone: string,
): MetricsRange {
  const given = resolveOrderDateRange({ from: query.from, to: query.to }, timeZone);
  let from = given.from ?? defaults.from;
  const to = given.to ?? defaults.to;
  if (from.getTime() >= to.getTime()) {
    if (given.from && given.to) throw AppError.validation("to", "must be after from");
    if (given.from) throw AppError.validation("from", "must be before the end of sales or now");
    if (given.to) throw AppError.validation("to", "must be after the first sale");
    from = new Date(to.getTime() - HOUR_MS);
  }
  const interval = query.interval ?? (to.getTime() - from.getTime() <= 2 * 24 * HOUR_MS ? "hour" : "day");
  if (!given.from) {
    const span = MAX_BUCKETS[interval] - 2;
    const earliest = interval === "hour" ? to.getTime() - span * HOUR_MS : to.getTime() - span * 24 * HOUR_MS;
    if (from.getTime() < earliest) from = new Date(earliest);
  }
  return { from, to, interval, buckets: bucketStarts(from, to, interval, timeZone) };
}

/** The index of the bucket holding `instant` (the last start at or before it), or -1 before the first. */
export function bucketIndex(buckets: readonly Date[], instant: Date): number {
  let low = 0;
  let high = buckets.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (buckets[mid]!.getTime() <= instant.getTime()) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
