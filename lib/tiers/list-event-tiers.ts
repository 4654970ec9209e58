import "server-only";
import { db, type Db, type EventStatus } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAvailability } from "@/lib/inventory/get-availability";
import type { TierSummary } from "@/lib/tiers/tier-rules";
import { TIER_SELECT, toTierSummary } from "@/lib/tiers/to-tier-summary";

export interface EventTierList {
  /** What the tier forms need: the currency prices are in, the zone times are typed in, and the status. */
  event: { id: string; currency: string; timezone: string; status: EventStatus };
  tiers: TierSummary[];
}

/** The organizer's event's tiers in display order, with sold, held and remaining seats. 404 otherwise. */
export async function listEventTiers(
  organizerId: string,
  eventId: string,
  options: { db?: Db } = {},
): Promise<EventTierList> {
  const client = options.db ?? db;
  const event = await client.event.findFirst({
    where: { id: eventId, organizerId },
    select: { id: true, currency: true, timezone: true, status: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  // Sequential: `client` may be a transaction (one connection).
  const tiers = await client.tier.findMany({
    where: { eventId: event.id, event: { organizerId } },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: TIER_SELECT,
  });
  const inventory = new Map((await getAvailability(client, event.id)).tiers.map((t) => [t.tierId, t]));
  return { event, tiers: tiers.map((t) => toTierSummary(t, inventory.get(t.id))) };
}
