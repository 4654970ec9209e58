import "server-only";
import type { Db } from "@/lib/db";

/** The ids in `tierIds` that are not tiers of this event (another event's, or unknown). */
export async function findForeignTierIds(client: Db, eventId: string, tierIds: string[]): Promise<string[]> {
  if (tierIds.length === 0) return [];
  const own = await client.tier.findMany({ where: { eventId, id: { in: tierIds } }, select: { id: true } });
  const ownIds = new Set(own.map((t) => t.id));
  return tierIds.filter((id) => !ownIds.has(id));
}
