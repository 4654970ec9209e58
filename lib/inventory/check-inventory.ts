// The locked check shared by takeHolds and canReinstateOrder: what is free (tiers, event cap, discount uses)
// for the tiers and codes some orders ask for, those orders' own holds and uses left out, read in ONE
// statement, then decided by allocateSeats. Run it AFTER the inventory locks, as its own statement: in READ
// COMMITTED each statement takes a fresh snapshot, and only a snapshot taken after the lock grant sees what
// the previous lock holder committed.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import {
  allocateSeats,
  type Availability,
  type InventoryLine,
  type Refusal,
} from "@/lib/inventory/allocate-seats";
import { discountUses, heldInTier, soldInTier } from "@/lib/inventory/availability-sql";
import { busyError } from "@/lib/inventory/lock-inventory";

export type { InventoryLine, Refusal };

export interface AvailabilityScope {
  eventId: string;
  tierIds: readonly string[];
  discountIds: readonly string[];
  /** The asking orders: their holds and discount uses are not counted. */
  orderIds: readonly string[];
  /**
   * Whether the event key is held exclusively (from lockInventory, or an SQL expression reading what the
   * takeHolds block recorded). A cap that appeared after the event was locked shared fails the check (busy).
   */
  eventExclusive: boolean | Prisma.Sql;
}

export interface InventoryCheck {
  eventId: string;
  /** The order the seats are for: its own holds and discount use are not counted. */
  orderId: string;
  /** One line per tier (see mergeLines). */
  lines: InventoryLine[];
  discountId: string | null;
  eventExclusive: boolean;
}

export interface InsertedHold {
  id: string;
  tierId: string;
  quantity: number;
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

interface AvailabilityRow {
  tiers: Availability["tiers"] | null;
  event: Availability["event"];
  discounts: Availability["discounts"] | null;
  eventExclusive: boolean;
}

/**
 * The availability statement: one row of JSON, read with a fresh snapshot after the locks; holds are judged
 * live at the statement's start on the database's clock.
 */
export function availabilitySql(scope: AvailabilityScope): Prisma.Sql {
  const { eventId, orderIds } = scope;
  const exclusive =
    typeof scope.eventExclusive === "boolean"
      ? Prisma.sql`${scope.eventExclusive}::boolean`
      : scope.eventExclusive;
  // Without a code, nothing to plan for the discount part.
  const discounts =
    scope.discountIds.length > 0
      ? Prisma.sql`(SELECT json_agg(json_build_object(
            'discountId', d.id, 'maxUses', d.max_uses,
            'uses', CASE WHEN d.max_uses IS NULL THEN 0 ELSE ${discountUses("d", orderIds)} END))
          FROM tickets_discounts d WHERE d.id = ANY(${scope.discountIds}::text[]) AND d.event_id = ${eventId})`
      : Prisma.sql`NULL::json`;
  return Prisma.sql`
    SELECT (SELECT json_agg(json_build_object(
              'tierId', t.id, 'name', t.name,
              'remaining', t.capacity - ${soldInTier("t")} - ${heldInTier("t", orderIds)}))
            FROM tickets_tiers t WHERE t.id = ANY(${scope.tierIds}::text[]) AND t.event_id = ${eventId}) AS tiers,
           (SELECT json_build_object('capacity', e.capacity, 'remaining',
              CASE WHEN e.capacity IS NULL THEN NULL
                   ELSE e.capacity - (SELECT coalesce(sum(${soldInTier("et")} + ${heldInTier("et", orderIds)}), 0)
                                      FROM tickets_tiers et WHERE et.event_id = e.id) END)
            FROM tickets_events e WHERE e.id = ${eventId}) AS event,
           ${discounts} AS discounts,
           ${exclusive} AS "eventExclusive"`;
}

/** Reads what is free, inside the caller's locked transaction. */
export async function readAvailability(tx: Db, scope: AvailabilityScope): Promise<Availability> {
  const rows = await tx.$queryRaw<AvailabilityRow[]>(availabilitySql(scope));
  const row = rows[0];
  if (!row) throw new Error("availability check returned no row");
  return {
    tiers: row.tiers ?? [],
    event: row.event,
    eventExclusive: row.eventExclusive,
    discounts: row.discounts ?? [],
  };
}

/** Runs the check for one order inside the caller's locked transaction: null when it fits, else why not. */
export async function checkInventory(tx: Db, check: InventoryCheck): Promise<Refusal | null> {
  const availability = await readAvailability(tx, {
    eventId: check.eventId,
    tierIds: check.lines.map((l) => l.tierId),
    discountIds: check.discountId ? [check.discountId] : [],
    orderIds: [check.orderId],
    eventExclusive: check.eventExclusive,
  });
  const [refusal] = allocateSeats(availability, [{ lines: check.lines, discountId: check.discountId }]);
  return refusal ?? null;
}

const DISCOUNT_EXHAUSTED_MESSAGE = "This discount code has been used the maximum number of times.";
const UNKNOWN_DISCOUNT_MESSAGE = "This discount code does not exist for this event.";

/** The error a buyer gets for a refusal: 404, 409 sold_out naming the tier, 422 on discountCode, or busy. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.kind) {
    case "event_not_found":
      return AppError.notFound("Event not found.");
    case "tier_not_found":
      return AppError.notFound("Tier not found.");
    case "busy":
      return busyError();
    case "discount_not_found":
      return new AppError("validation", UNKNOWN_DISCOUNT_MESSAGE, {
        fields: [{ field: "discountCode", message: UNKNOWN_DISCOUNT_MESSAGE }],
      });
    case "discount_exhausted":
      return new AppError("validation", DISCOUNT_EXHAUSTED_MESSAGE, {
        fields: [{ field: "discountCode", message: DISCOUNT_EXHAUSTED_MESSAGE }],
      });
    case "sold_out":
      return new AppError("sold_out", refusal.message, {
        fields: refusal.tierId ? [{ field: `tiers.${refusal.tierId}`, message: refusal.message }] : [],
      });
  }
}
