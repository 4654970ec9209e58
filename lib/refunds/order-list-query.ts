// The organizer order list's query, as GET /api/tickets/orders and the orders page's GET form send it (q,
// status, eventId, tierId, from, to, cursor, limit): parsed once at the edge, plus the pure rules the
// database query is built from (search patterns, the date range in a zone, the keyset cursor). No database,
// so it is unit-tested on its own; the page's form takes the status names from here.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  parseInstant,
  parseLocalDateTime,
  zonedTimeToInstant,
  type LocalDateTime,
} from "@/lib/events/zoned-time";
import type { OrderStatusJson } from "@/lib/refunds/organizer-order-view";

export const ORDER_LIST_STATUSES = [
  "paid",
  "partially_refunded",
  "refunded",
  "cancelled",
  "pending",
  "expired",
] as const satisfies readonly OrderStatusJson[];

export function isOrderStatusJson(value: string): value is OrderStatusJson {
  return (ORDER_LIST_STATUSES as readonly string[]).includes(value);
}

/** Without a status filter: the orders an organizer acts on. Checkouts that never completed (pending,
 * expired) are shown only when asked for. */
export const DEFAULT_ORDER_LIST_STATUSES: readonly OrderStatusJson[] = [
  "paid",
  "partially_refunded",
  "refunded",
  "cancelled",
];

export const ORDER_LIST_DEFAULT_LIMIT = 50;
export const ORDER_LIST_MAX_LIMIT = 100;

/** A position in the list (created_at desc, id desc): the rows after it (older) or before it (newer). */
export interface OrderListCursor {
  direction: "after" | "before";
  createdAt: Date;
  id: string;
}

const CURSOR_PATTERN = /^([ab])\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,100})$/;

/** Opaque to clients: base64url of "a|<created_at ISO>|<id>" ("b" for the previous page). */
export function encodeOrderListCursor(cursor: OrderListCursor): string {
  const text = `${cursor.direction === "after" ? "a" : "b"}|${cursor.createdAt.toISOString()}|${cursor.id}`;
  return Buffer.from(text, "utf8").toString("base64url");
}

/** The cursor a previous page handed out, or null for anything else. */
export function decodeOrderListCursor(value: string): OrderListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  const match = CURSOR_PATTERN.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match) return null;
  const createdAt = parseInstant(match[2]!);
  if (!createdAt) return null;
  return { direction: match[1] === "a" ? "after" : "before", createdAt, id: match[3]! };
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A day ("2026-12-12", read in the list's zone) or an instant with a zone ("2026-12-12T20:00:00-05:00"); also the
 * metrics API's from/to (lib/reports/metrics-range.ts). */
export type DateBound = { kind: "day"; day: LocalDateTime } | { kind: "instant"; instant: Date };

function parseDateBound(value: string): DateBound | null {
  if (DATE_PATTERN.test(value)) {
    const day = parseLocalDateTime(`${value}T00:00`);
    return day ? { kind: "day", day } : null;
  }
  const instant = parseInstant(value);
  return instant ? { kind: "instant", instant } : null;
}

export const dateBound = z.string().transform((value, ctx) => {
  const bound = parseDateBound(value);
  if (!bound) {
    ctx.addIssue({
      code: "custom",
      message: "must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone (2026-12-12T20:00:00-05:00)",
    });
    return z.NEVER;
  }
  return bound;
});

const id = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id");

const querySchema = z.object({
  q: z.string().max(200, "must be at most 200 characters").optional(),
  status: z
    .string()
    .transform((value) => [...new Set(value.split(",").map((s) => s.trim()))])
    .pipe(
      z.array(
        z.enum(ORDER_LIST_STATUSES, {
          error: `must be one or more of ${ORDER_LIST_STATUSES.join(", ")} (comma-separated)`,
        }),
      ),
    )
    .optional(),
  eventId: id.optional(),
  tierId: id.optional(),
  from: dateBound.optional(),
  to: dateBound.optional(),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const cursor = decodeOrderListCursor(value);
      if (!cursor) {
        ctx.addIssue({
          code: "custom",
          message: "is not a cursor from this list; start from the first page",
        });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(ORDER_LIST_MAX_LIMIT, `must be at most ${ORDER_LIST_MAX_LIMIT}`)
    .default(ORDER_LIST_DEFAULT_LIMIT),
});

/**
 * The query as sent: blank values (what a GET form sends for untouched fields) count as absent and text is
 * trimmed, so `?q=&status=` is the unfiltered list. Extra parameters are ignored.
 */
export const orderListQuerySchema = z.preprocess((input) => {
  if (typeof input !== "object" || input === null) return input;
  const entries = Object.entries(input as Record<string, unknown>)
    .map(([key, value]) => [key, typeof value === "string" ? value.trim() : value] as const)
    .filter(([, value]) => value !== "" && value !== undefined);
  return Object.fromEntries(entries);
}, querySchema);

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** Whether the query narrows the list (anything but paging): the empty state then offers to clear it. */
export function isFilteredOrderListQuery(query: OrderListQuery): boolean {
  return Boolean(query.q || query.status || query.eventId || query.tierId || query.from || query.to);
}

/** `%`, `_` and `\` are LIKE wildcards / the escape; a search for "50%" means the text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface OrderSearchPatterns {
  /** ILIKE pattern for buyer name and email: the text anywhere, any case. */
  contains: string;
  /** LIKE pattern on the order id for a whole or partial reference (orderReference: the id's last 8
   * characters), or null when the text cannot be one. */
  reference: string | null;
  /** The text as a whole order id (pasted from a URL or a Stripe dashboard), or null. */
  exactId: string | null;
}

/**
 * What a search box entry matches. A reference is matched from its start ("7K3M" finds 7K3M9QXZ), with or
 * without a leading "#", in any case; ids are lower-case, references their upper-cased tail.
 */
export function orderSearchPatterns(q: string): OrderSearchPatterns {
  const text = q.trim();
  const reference = text.replace(/^#/, "").toLowerCase();
  return {
    contains: `%${escapeLike(text)}%`,
    reference: /^[a-z0-9]{1,8}$/.test(reference) ? `%${reference}${"_".repeat(8 - reference.length)}` : null,
    exactId: /^[A-Za-z0-9_-]{9,100}$/.test(text) ? text : null,
  };
}

/** Midnight after `day`. */
function nextDay(day: LocalDateTime): LocalDateTime {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  d.setUTCFullYear(day.year, day.month - 1, day.day + 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
}

/**
 * The range `[from, to)` as instants: a day bound is read in `timeZone` (the event's, or the organizer's for
 * the whole list), `to` taking in the whole of its day; an instant is taken as given. 422 when the range is
 * empty (`to` before `from`).
 */
export function resolveOrderDateRange(
  bounds: { from?: DateBound; to?: DateBound },
  timeZone: string,
): { from: Date | null; to: Date | null } {
  const from = !bounds.from
    ? null
    : bounds.from.kind === "day"
      ? zonedTimeToInstant(bounds.from.day, timeZone)
      : bounds.from.instant;
  const to = !bounds.to
    ? null
    : bounds.to.kind === "day"
      ? zonedTimeToInstant(nextDay(bounds.to.day), timeZone)
      : bounds.to.instant;
  if (from && to && from.getTime() >= to.getTime()) {
    throw AppError.validation("to", "must be after from");
  }
  return { from, to };
}
