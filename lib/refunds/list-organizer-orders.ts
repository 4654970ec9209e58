// One page of the organizer's orders, newest first, searched and filtered (orderListQuerySchema), with
// keyset paging on (created_at, id): a page costs the same at order 100,000 as at order 1, and rows written
// meanwhile never shift a page (no duplicates or gaps, unlike OFFSET). The tenant is in every query, the
// search's included: another organizer's order is not found even by its exact reference.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import {
  DEFAULT_ORDER_LIST_STATUSES,
  encodeOrderListCursor,
  orderSearchPatterns,
  resolveOrderDateRange,
  type OrderListCursor,
  type OrderListQuery,
} from "@/lib/refunds/order-list-query";
import type { OrganizerOrderRow } from "@/lib/refunds/organizer-order-view";

export interface OrganizerOrderPage {
  orders: OrganizerOrderRow[];
  /** The next (older) page, or null on the last one. */
  nextCursor: string | null;
  /** The previous (newer) page, or null on the first one. */
  prevCursor: string | null;
  /** The zone day bounds (from, to) were read in: the event's with an event filter, else the organizer's. */
  timeZone: string;
}

interface KeyRow {
  id: string;
  created_at: Date;
}

export async function listOrganizerOrders(
  organizerId: string,
  query: OrderListQuery,
): Promise<OrganizerOrderPage> {
  const organizer = await db.organizer.findUniqueOrThrow({
    where: { id: organizerId },
    select: { timezone: true },
  });
  const event = query.eventId
    ? await db.event.findFirst({
        where: { id: query.eventId, organizerId },
        select: { timezone: true },
      })
    : null;
  const timeZone = event?.timezone ?? organizer.timezone;
  const range = resolveOrderDateRange(query, timeZone);

  const filters = filterSql(organizerId, query, range);
  let keys = await pageKeys(filters, query.cursor ?? null, query.limit);
  let cursor = query.cursor ?? null;
  // Back at the start: show the first page itself, full, rather than the few rows left before the cursor.
  if (cursor?.direction === "before" && !keys.more) {
    cursor = null;
    keys = await pageKeys(filters, null, query.limit);
  }

  const rows = keys.rows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNewer = cursor === null ? false : cursor.direction === "after" || keys.more;
  const hasOlder = cursor?.direction === "before" || keys.more;
  return {
    orders: await loadRows(organizerId, rows),
    nextCursor:
      hasOlder && last
        ? encodeOrderListCursor({ direction: "after", createdAt: last.created_at, id: last.id })
        : null,
    prevCursor:
      hasNewer && first
        ? encodeOrderListCursor({ direction: "before", createdAt: first.created_at, id: first.id })
        : null,
    timeZone,
  };
}

/** The WHERE clause: tenant, status, event, tier, date range and search. */
function filterSql(
  organizerId: string,
  query: OrderListQuery,
  range: { from: Date | null; to: Date | null },
): Prisma.Sql {
  const statuses = query.status ?? DEFAULT_ORDER_LIST_STATUSES;
  const parts = [
    Prisma.sql`o.organizer_id = ${organizerId}`,
    Prisma.sql`o.status = ANY(${statuses}::tickets_order_status[])`,
  ];
  if (query.eventId) parts.push(Prisma.sql`o.event_id = ${query.eventId}`);
  if (query.tierId) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM tickets_order_items i WHERE i.order_id = o.id AND i.tier_id = ${query.tierId})`,
    );
  }
  if (range.from) parts.push(Prisma.sql`o.created_at >= ${range.from}`);
  if (range.to) parts.push(Prisma.sql`o.created_at < ${range.to}`);
  if (query.q) {
    // Each branch has its own trigram index (see the order_search migration), so the OR is a BitmapOr.
    const { contains, reference, exactId } = orderSearchPatterns(query.q);
    const matches = [
      Prisma.sql`o.buyer_name ILIKE ${contains}`,
      Prisma.sql`o.buyer_email ILIKE ${contains}`,
      ...(reference ? [Prisma.sql`o.id LIKE ${reference}`] : []),
      ...(exactId ? [Prisma.sql`o.id = ${exactId}`] : []),
    ];
    parts.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * The ids of one page (one more row is read to know whether another page follows). Going back ("before")
 * reads upwards from the cursor and turns the rows round.
 */
async function pageKeys(
  filters: Prisma.Sql,
  cursor: OrderListCursor | null,
  limit: number,
): Promise<{ rows: KeyRow[]; more: boolean }> {
  const backwards = cursor?.direction === "before";
  const seek = !cursor
    ? Prisma.empty
    : backwards
      ? Prisma.sql`AND (o.created_at, o.id) > (${cursor.createdAt}, ${cursor.id})`
      : Prisma.sql`AND (o.created_at, o.id) < (${cursor.createdAt}, ${cursor.id})`;
  const order = backwards ? Prisma.sql`o.created_at ASC, o.id ASC` : Prisma.sql`o.created_at DESC, o.id DESC`;
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT o.id, o.created_at FROM tickets_orders o
    WHERE ${filters} ${seek}
    ORDER BY ${order}
    LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: backwards ? page.reverse() : page, more };
}

/** The rows to render, in the page's order (tenant again in the query). */
async function loadRows(organizerId: string, keys: KeyRow[]): Promise<OrganizerOrderRow[]> {
  if (keys.length === 0) return [];
  const orders = await db.order.findMany({
    where: { organizerId, id: { in: keys.map((k) => k.id) } },
    select: {
      id: true,
      buyerName: true,
      buyerEmail: true,
      currency: true,
      totalMinor: true,
      refundedMinor: true,
      status: true,
      channel: true,
      disputed: true,
      createdAt: true,
      event: { select: { id: true, title: true, timezone: true } },
    },
  });
  const byId = new Map(orders.map((o) => [o.id, o]));
  return keys.flatMap((key) => {
    const order = byId.get(key.id);
    return order ? [{ ...order, createdAt: order.createdAt.toISOString() }] : [];
  });
}
