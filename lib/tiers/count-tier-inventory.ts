import "server-only";
import type { Db } from "@/lib/db";

export interface TierInventory {
  /** Valid tickets (refunded and void ones have released their seat). */
  sold: number;
  /** Seats in unexpired, unreleased, unconverted holds. */
  held: number;
}

/** Sold and held seats per tier of one event (tiers with neither are absent from the map). */
export async function countTierInventory(
  client: Db,
  eventId: string,
  options: { tierIds?: string[]; now?: Date } = {},
): Promise<Map<string, TierInventory>> {
  const now = options.now ?? new Date();
  const tierFilter = options.tierIds ? { tierId: { in: options.tierIds } } : {};
  // Sequential: `client` may be a transaction (one connection).
  const tickets = await client.ticket.groupBy({
    by: ["tierId"],
    where: { eventId, status: "valid", ...tierFilter },
    _count: true,
  });
  const holds = await client.hold.groupBy({
    by: ["tierId"],
    where: { eventId, releasedAt: null, convertedAt: null, expiresAt: { gt: now }, ...tierFilter },
    _sum: { quantity: true },
  });
  const inventory = new Map<string, TierInventory>();
  const entry = (tierId: string) => {
    let e = inventory.get(tierId);
    if (!e) inventory.set(tierId, (e = { sold: 0, held: 0 }));
    return e;
  };
  for (const t of tickets) entry(t.tierId).sold = t._count;
  for (const h of holds) entry(h.tierId).held = h._sum.quantity ?? 0;
  return inventory;
}
