import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { heldInTier, nextHoldLapseInTier, soldInTier } from "@/lib/inventory/availability-sql";

export interface TierAvailability {
  tierId: string;
  capacity: number;
  /** Valid tickets. */
  sold: number;
  /** Seats in unexpired, unreleased, unconverted holds. */
  held: number;
  /** What a buyer can still take: the tier's room, within the event's cap. Never negative. */
  remaining: number;
  /** Milliseconds until the tier's first live hold runs out (its seats come back); null without holds. */
  nextHoldLapseMs: number | null;
}

export interface EventAvailability {
  /** Event-wide cap across tiers; null when there is none (the tiers' capacities are the only limit). */
  capacity: number | null;
  /** Sold plus held over every tier (hidden ones included). */
  taken: number;
  /** Of `taken`, the seats in live holds. */
  held: number;
  /** Null without a cap. Never negative. */
  remaining: number | null;
}

export interface Availability {
  event: EventAvailability;
  /** Every tier of the event, public or hidden, in display order. */
  tiers: TierAvailability[];
}

/** One row per tier (one row with null tier columns for an event without tiers). */
interface AvailabilityRow {
  eventCapacity: number | null;
  tierId: string | null;
  capacity: number | null;
  sold: number;
  held: number;
  nextHoldLapseMs: number | null;
}
type TierRow = AvailabilityRow & { tierId: string; capacity: number };

/**
 * Seats sold, held and left per tier and for the event, in one statement (one snapshot; holds live by the
 * database's clock). Unlocked, it is a snapshot for pages and dashboards; a decision that writes reads it
 * after taking the inventory locks (a capacity change), or goes through takeHolds, which computes the same
 * numbers (same SQL) under them.
 */
export async function getAvailability(client: Db, eventId: string): Promise<Availability> {
  const rows = await client.$queryRaw<AvailabilityRow[]>`
    SELECT e.capacity AS "eventCapacity", t.id AS "tierId", t.capacity,
           coalesce(${soldInTier("t")}, 0)::int AS sold, coalesce(${heldInTier("t")}, 0)::int AS held,
           ${nextHoldLapseInTier("t")} AS "nextHoldLapseMs"
    FROM tickets_events e LEFT JOIN tickets_tiers t ON t.event_id = e.id
    WHERE e.id = ${eventId}
    ORDER BY t.sort_order, t.created_at, t.id`;
  const first = rows[0];
  if (!first) throw AppError.notFound("Event not found.");

  const tierRows = rows.filter((r): r is TierRow => r.tierId !== null && r.capacity !== null);
  const held = tierRows.reduce((sum, r) => sum + r.held, 0);
  const taken = tierRows.reduce((sum, r) => sum + r.sold, held);
  const eventCapacity = first.eventCapacity;
  const eventRemaining = eventCapacity === null ? null : Math.max(0, eventCapacity - taken);
  return {
    event: { capacity: eventCapacity, taken, held, remaining: eventRemaining },
    tiers: tierRows.map((r) => {
      const tierRemaining = Math.max(0, r.capacity - r.sold - r.held);
      return {
        tierId: r.tierId,
        capacity: r.capacity,
        sold: r.sold,
        held: r.held,
        nextHoldLapseMs: r.nextHoldLapseMs,
        remaining: eventRemaining === null ? tierRemaining : Math.min(tierRemaining, eventRemaining),
      };
    }),
  };
}
