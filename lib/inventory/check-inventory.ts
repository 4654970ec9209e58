// The locked check shared by takeHolds and canReinstateOrder: availability from facts (tiers, event cap,
// discount uses) for the lines of one order, its own holds left out, in ONE statement. Run it AFTER the
// inventory locks, as its own statement: in READ COMMITTED each statement takes a fresh snapshot, and only a
// snapshot taken after the lock grant sees what the previous lock holder committed.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { discountUses, heldInTier, soldInTier } from "@/lib/inventory/availability-sql";
import { busyError } from "@/lib/inventory/lock-inventory";

export interface InventoryLine {
  tierId: string;
  quantity: number;
}

export interface InventoryCheck {
  eventId: string;
  /** The order the seats are for: its own holds are not counted. */
  orderId: string;
  /** One line per tier (see mergeLines). */
  lines: InventoryLine[];
  discountId: string | null;
  now: Date;
  /**
   * Whether the event key is held exclusively (from lockInventory, or an SQL expression inside the takeHolds
   * block). A cap that appeared after the event was locked shared fails the check (busy).
   */
  eventExclusive: boolean | Prisma.Sql;
}

export interface InsertedHold {
  id: string;
  tierId: string;
  quantity: number;
}

export type Refusal =
  | { kind: "sold_out"; message: string; tierId: string | null; remaining: number }
  | { kind: "discount_exhausted" };

/** What the check statement returns (also carried, as JSON, by the exception the takeHolds block raises). */
export interface CheckRow {
  ok: boolean | null;
  tiers: { tierId: string; name: string | null; quantity: number; remaining: number | null }[];
  event: { capacity: number | null; remaining: number | null } | null;
  discount: { maxUses: number | null; uses: number | null } | null;
}

/** Sums quantities per tier, keeping first-seen order; 422 for a quantity that is not a positive integer. */
export function mergeLines(lines: readonly InventoryLine[]): InventoryLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || line.quantity > 10_000) {
      throw AppError.validation("quantity", "must be a whole number of tickets");
    }
    merged.set(line.tierId, (merged.get(line.tierId) ?? 0) + line.quantity);
  }
  if (merged.size === 0) throw AppError.validation("lines", "choose at least one ticket");
  return [...merged].map(([tierId, quantity]) => ({ tierId, quantity }));
}

/** A fresh id shaped like Prisma's cuid (c + 24 lowercase base-36 characters). */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`)
    .toString(36)
    .padStart(16, "0")
    .slice(-15);
  return `c${time}${random}`;
}

function soldOutMessage(name: string, remaining: number): string {
  return remaining <= 0 ? `${name} is sold out` : `Only ${remaining} ${name} left`;
}

/** The check statement. `into` is `INTO _v` inside a plpgsql block. */
export function checkInventorySql(check: InventoryCheck, into: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const { eventId, orderId, now } = check;
  const total = check.lines.reduce((sum, l) => sum + l.quantity, 0);
  const tierIds = check.lines.map((l) => l.tierId);
  const quantities = check.lines.map((l) => l.quantity);
  const exclusive =
    typeof check.eventExclusive === "boolean"
      ? Prisma.sql`${check.eventExclusive}::boolean`
      : check.eventExclusive;
  // Without a code, a constant empty relation: nothing to plan.
  const discount = check.discountId
    ? Prisma.sql`
      SELECT d.max_uses,
             CASE WHEN d.max_uses IS NULL THEN NULL ELSE ${discountUses("d", now, orderId)} END AS uses
      FROM tickets_discounts d WHERE d.id = ${check.discountId} AND d.event_id = ${eventId}`
    : Prisma.sql`SELECT NULL::int AS max_uses, NULL::bigint AS uses WHERE false`;
  const discountOk = check.discountId
    ? Prisma.sql`coalesce((SELECT max_uses IS NULL OR uses < max_uses FROM discount), false)`
    : Prisma.sql`true`;

  return Prisma.sql`
    WITH line AS (
      SELECT * FROM unnest(${tierIds}::text[], ${quantities}::int[]) AS l(tier_id, quantity)
    ), tier AS (
      SELECT l.tier_id, l.quantity, t.name,
             t.capacity - ${soldInTier("t")} - ${heldInTier("t", now, orderId)} AS remaining
      FROM line l LEFT JOIN tickets_tiers t ON t.id = l.tier_id AND t.event_id = ${eventId}
    ), event AS (
      SELECT e.capacity,
             CASE WHEN e.capacity IS NULL THEN NULL
                  ELSE e.capacity - (SELECT coalesce(sum(${soldInTier("et")} + ${heldInTier("et", now, orderId)}), 0)
                                     FROM tickets_tiers et WHERE et.event_id = e.id) END AS remaining
      FROM tickets_events e WHERE e.id = ${eventId}
    ), discount AS (${discount})
    SELECT coalesce((SELECT bool_and(remaining IS NOT NULL AND remaining >= quantity) FROM tier), false)
             AND coalesce((SELECT (remaining IS NULL OR remaining >= ${total}::int)
                                  AND (capacity IS NULL OR ${exclusive}) FROM event), false)
             AND ${discountOk} AS ok,
           (SELECT json_agg(json_build_object('tierId', tier_id, 'name', name, 'quantity', quantity,
                                              'remaining', remaining)) FROM tier) AS tiers,
           (SELECT json_build_object('capacity', capacity, 'remaining', remaining) FROM event) AS event,
           (SELECT json_build_object('maxUses', max_uses, 'uses', uses) FROM discount) AS discount
    ${into}`;
}

/**
 * Runs the check inside the caller's locked transaction: null when everything fits, otherwise why not.
 * Throws 404 for an unknown event or tier, 422 (discountCode) for an unknown code, busy when the event gained
 * a cap after it was locked shared.
 */
export async function checkInventory(tx: Db, check: InventoryCheck): Promise<Refusal | null> {
  const rows = await tx.$queryRaw<CheckRow[]>(checkInventorySql(check));
  const row = rows[0];
  if (!row) throw new Error("inventory check returned no row");
  return row.ok ? null : explainRefusal(row, check);
}

/**
 * Why a check said no: an unknown id first (404, or 422 on discountCode), a cap that appeared while the
 * event was locked shared (busy), then seats (tier, then event cap), then the code.
 */
export function explainRefusal(row: Omit<CheckRow, "ok">, check: InventoryCheck): Refusal {
  const total = check.lines.reduce((sum, l) => sum + l.quantity, 0);
  if (!row.event) throw AppError.notFound("Event not found.");
  const tiers = row.tiers;
  if (tiers.length === 0 || tiers.some((t) => t.remaining === null || t.name === null)) {
    throw AppError.notFound("Tier not found.");
  }
  if (check.discountId && !row.discount) {
    const message = "This discount code does not exist for this event.";
    throw new AppError("validation", message, { fields: [{ field: "discountCode", message }] });
  }
  for (const t of tiers) {
    const remaining = Math.max(0, t.remaining ?? 0);
    if (remaining < t.quantity) {
      return {
        kind: "sold_out",
        message: soldOutMessage(t.name ?? "", remaining),
        tierId: t.tierId,
        remaining,
      };
    }
  }
  const event = row.event;
  if (event.capacity !== null && check.eventExclusive === false) throw busyError();
  if (event.remaining !== null && event.remaining < total) {
    const remaining = Math.max(0, event.remaining);
    const only = tiers.length === 1 ? tiers[0] : undefined;
    const message = only
      ? soldOutMessage(only.name ?? "", remaining)
      : remaining <= 0
        ? "This event is sold out"
        : `Only ${remaining} tickets left for this event`;
    return { kind: "sold_out", message, tierId: only?.tierId ?? null, remaining };
  }
  if (row.discount && row.discount.maxUses !== null && (row.discount.uses ?? 0) >= row.discount.maxUses) {
    return { kind: "discount_exhausted" };
  }
  throw new Error("inventory check refused without a reason");
}
