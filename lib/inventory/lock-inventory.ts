// The inventory locks (pretix's locking scheme, ../shared/notes/signed-tickets-and-locking.md (c)).
//
// Every transaction that REDUCES availability (takeHolds, canReinstateOrder) takes PostgreSQL advisory
// transaction locks, all of them in ONE statement, in ascending key order, before it computes availability:
//   - exclusive on each tier it takes seats from;
//   - on the event: exclusive when the event has an event-wide cap (the check spans every tier of the event,
//     so two buyers of different tiers must not decide at once), shared otherwise (buyers of different tiers
//     then run in parallel, while anything that needs the whole event frozen, e.g. changing the event cap,
//     can take it exclusively and wait for them);
//   - exclusive on the discount code when one is used (its use count is checked).
// Keys are sorted so every transaction waits in the same global order: no deadlock between lockers. Lock at
// most once per transaction (a second batch could invert the order). Freeing capacity (release, expiry,
// refund) takes no lock. `lock_timeout` is 3 s for the rest of the transaction; a timeout is AppError busy.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

export const LOCK_TIMEOUT = "3s";

/** Low 3 bits of every key (pretix: `(pk << k) | keyspace`), so tier, event and discount keys never collide. */
const KEYSPACE = { event: 1n, tier: 2n, discount: 3n } as const;
export type LockKeyspace = keyof typeof KEYSPACE;

/** More exclusive tier keys than this: lock the event exclusively instead (pretix does the same at 20). */
const MAX_TIER_KEYS = 20;

/**
 * A stable int8 advisory-lock key for a string id: the first 64 bits of sha256(id) with the low 3 bits
 * replaced by the keyspace. Two ids of one kind share a key with probability 2^-61; that would only
 * make them wait for each other, never skip a lock.
 */
export function inventoryLockKey(space: LockKeyspace, id: string): bigint {
  const hash = createHash("sha256").update(id).digest().readBigUInt64BE(0);
  return BigInt.asIntN(64, ((hash >> 3n) << 3n) | KEYSPACE[space]);
}

export interface InventoryLockRequest {
  eventId: string;
  /** Tiers whose availability is reduced: locked exclusively. */
  tierIds: readonly string[];
  /** The discount codes whose uses are counted: locked exclusively. */
  discountIds?: readonly string[];
  /** Lock the event exclusively even without an event-wide cap. */
  eventExclusive?: boolean;
  /** TEST ONLY (the control case of the concurrency test): run the same statement without taking locks. */
  unsafeSkipLocks?: boolean;
}

export interface InventoryLock {
  /** Whether the event key was taken exclusively (always when the event had a cap when locking). */
  eventExclusive: boolean;
}

/** Whether a Postgres error with one of these SQLSTATEs is in the error, however Prisma wraps it. */
export function hasPostgresCode(error: unknown, codes: readonly string[]): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== "object" || value === null || seen.has(value)) return false;
    seen.add(value);
    const v = value as Record<string, unknown>;
    if (["code", "originalCode"].some((key) => codes.includes(v[key] as string))) return true;
    return ["cause", "meta", "driverAdapterError"].some((key) => visit(v[key]));
  };
  return visit(error);
}

/** lock_not_available (lock_timeout) or deadlock_detected: both mean "busy, try again". */
export function isLockTimeout(error: unknown): boolean {
  return hasPostgresCode(error, ["55P03", "40P01"]);
}

export function busyError(cause?: unknown): AppError {
  return new AppError("busy", "Busy, try again", { retryAfterSeconds: 1, cause });
}

/**
 * The lock calls, in key order, as SQL expressions to evaluate left to right in one target list (they
 * return void). `eventCapacity` is the SQL expression giving the event's cap, which picks the event
 * lock's mode. Shared by lockInventory and the takeHolds statement so there is one lock order.
 */
export function inventoryLockCalls(
  request: InventoryLockRequest,
  eventCapacity: Prisma.Sql,
): { calls: Prisma.Sql[]; forceEventExclusive: boolean } {
  const tierIds = [...new Set(request.tierIds)];
  const forceEventExclusive = request.eventExclusive === true || tierIds.length > MAX_TIER_KEYS;
  if (request.unsafeSkipLocks) return { calls: [], forceEventExclusive };
  type Key = { key: bigint; kind: "event" | "exclusive" };
  const keys: Key[] = [{ key: inventoryLockKey("event", request.eventId), kind: "event" }];
  for (const tierId of tierIds) keys.push({ key: inventoryLockKey("tier", tierId), kind: "exclusive" });
  for (const discountId of new Set(request.discountIds)) {
    keys.push({ key: inventoryLockKey("discount", discountId), kind: "exclusive" });
  }
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const calls = keys.map(({ key, kind }) =>
    kind === "exclusive"
      ? Prisma.sql`pg_advisory_xact_lock(${key}::int8)`
      : Prisma.sql`(CASE WHEN ${eventCapacity} IS NOT NULL OR ${forceEventExclusive}::boolean
                      THEN pg_advisory_xact_lock(${key}::int8)
                      ELSE pg_advisory_xact_lock_shared(${key}::int8) END)`,
  );
  return { calls, forceEventExclusive };
}

/**
 * Sets `lock_timeout` and takes the inventory locks of one event in one round trip (see the top of this
 * file). The event's cap is read in the same statement to choose the event lock's mode; callers re-read it
 * after locking and treat a cap that appeared meanwhile as busy. Throws 404 for an unknown event and
 * AppError busy when a lock is not granted within 3 s.
 */
export async function lockInventory(tx: Db, request: InventoryLockRequest): Promise<InventoryLock> {
  const { calls, forceEventExclusive } = inventoryLockCalls(request, Prisma.sql`e.capacity`);
  try {
    const rows = await tx.$queryRaw<{ eventExclusive: boolean }[]>`
      SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true) AS lock_timeout,
             ${
               calls.length > 0
                 ? Prisma.join(
                     calls.map((c) => Prisma.sql`${c}::text`),
                     ", ",
                     "",
                     ",",
                   )
                 : Prisma.empty
             }
             (e.capacity IS NOT NULL OR ${forceEventExclusive}::boolean) AS "eventExclusive"
      FROM tickets_events e
      WHERE e.id = ${request.eventId}`;
    const row = rows[0];
    if (!row) throw AppError.notFound("Event not found.");
    return { eventExclusive: row.eventExclusive };
  } catch (error) {
    if (isLockTimeout(error)) throw busyError(error);
    throw error;
  }
}
