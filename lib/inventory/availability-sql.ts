// The one definition of "taken", as SQL fragments shared by getAvailability (public page, dashboard, capacity
// changes), the locked check of takeHolds / canReinstateOrder, the conversion at payment and the expiry
// sweep. Availability is computed from facts (pretix), never kept in a counter: tier capacity − valid
// tickets − live holds; the event-wide cap minus the same sum over every tier of the event. A hold is live
// by the database's clock (lib/inventory/hold-clock.ts), never an app server's.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { HOLD_NOW } from "@/lib/inventory/hold-clock";

/** The hold row aliased `hold` still holds its seats: not released, not converted, not expired. */
export function liveHold(hold: string): Prisma.Sql {
  const h = Prisma.raw(hold);
  return Prisma.sql`${h}.released_at IS NULL AND ${h}.converted_at IS NULL AND ${h}.expires_at > ${HOLD_NOW}`;
}

/** Valid tickets of the tier row aliased `tier` (refunded and void tickets have given their seat back). */
export function soldInTier(tier: string): Prisma.Sql {
  const t = Prisma.raw(tier);
  return Prisma.sql`(SELECT count(*) FROM tickets_tickets k WHERE k.tier_id = ${t}.id AND k.status = 'valid')`;
}

/** Seats in live holds of the tier row aliased `tier`, leaving out the given orders' holds. */
export function heldInTier(tier: string, excludeOrderIds: readonly string[] = []): Prisma.Sql {
  const t = Prisma.raw(tier);
  const exclude =
    excludeOrderIds.length > 0 ? Prisma.sql`AND h.order_id <> ALL(${excludeOrderIds}::text[])` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(sum(h.quantity), 0) FROM tickets_holds h
    WHERE h.tier_id = ${t}.id AND ${liveHold("h")} ${exclude})`;
}

/** Milliseconds (database clock) until the first live hold of the tier row aliased `tier` runs out; null without one. */
export function nextHoldLapseInTier(tier: string): Prisma.Sql {
  const t = Prisma.raw(tier);
  return Prisma.sql`(SELECT (extract(epoch FROM min(h.expires_at) - ${HOLD_NOW}) * 1000)::float8
    FROM tickets_holds h WHERE h.tier_id = ${t}.id AND ${liveHold("h")})`;
}

/**
 * Uses of the discount row aliased `discount`, leaving out the given orders (counted at reservation, pretix /
 * Hi.Events #1223): paid or partially refunded orders carrying it, plus pending ones that still hold seats.
 */
export function discountUses(discount: string, excludeOrderIds: readonly string[] = []): Prisma.Sql {
  const d = Prisma.raw(discount);
  return Prisma.sql`(SELECT count(*) FROM tickets_orders o
    WHERE o.discount_id = ${d}.id AND o.id <> ALL(${excludeOrderIds}::text[])
      AND (o.status IN ('paid', 'partially_refunded')
           OR (o.status = 'pending' AND EXISTS (
                 SELECT 1 FROM tickets_holds h WHERE h.order_id = o.id AND ${liveHold("h")}))))`;
}
