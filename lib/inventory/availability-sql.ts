// The one definition of "taken", as SQL fragments shared by getAvailability (public page, dashboard) and the
// locked check of takeHolds / canReinstateOrder. Availability is computed from facts (pretix), never kept in
// a counter: tier capacity − valid tickets − unexpired, unreleased, unconverted holds; the event-wide cap
// minus the same sum over every tier of the event.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";

/** Valid tickets of the tier row aliased `tier` (refunded and void tickets have given their seat back). */
export function soldInTier(tier: string): Prisma.Sql {
  const t = Prisma.raw(tier);
  return Prisma.sql`(SELECT count(*) FROM tickets_tickets k WHERE k.tier_id = ${t}.id AND k.status = 'valid')`;
}

/** Seats in live holds of the tier row aliased `tier` at `now`, leaving out the given orders' holds. */
export function heldInTier(tier: string, now: Date, excludeOrderIds: readonly string[] = []): Prisma.Sql {
  const t = Prisma.raw(tier);
  const exclude =
    excludeOrderIds.length > 0 ? Prisma.sql`AND h.order_id <> ALL(${excludeOrderIds}::text[])` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(sum(h.quantity), 0) FROM tickets_holds h
    WHERE h.tier_id = ${t}.id AND h.expires_at > ${now}::timestamptz
      AND h.released_at IS NULL AND h.converted_at IS NULL ${exclude})`;
}

/**
 * Uses of the discount row aliased `discount` at `now`, leaving out the given orders (counted at
 * reservation, pretix / Hi.Events #1223): paid or partially refunded orders carrying it, plus pending ones
 * that still hold seats.
 */
export function discountUses(discount: string, now: Date, excludeOrderIds: readonly string[]): Prisma.Sql {
  const d = Prisma.raw(discount);
  return Prisma.sql`(SELECT count(*) FROM tickets_orders o
    WHERE o.discount_id = ${d}.id AND o.id <> ALL(${excludeOrderIds}::text[])
      AND (o.status IN ('paid', 'partially_refunded')
           OR (o.status = 'pending' AND EXISTS (
                 SELECT 1 FROM tickets_holds h
                 WHERE h.order_id = o.id AND h.expires_at > ${now}::timestamptz
                   AND h.released_at IS NULL AND h.converted_at IS NULL))))`;
}
