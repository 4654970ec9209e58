import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import {
  checkInventorySql,
  explainRefusal,
  mergeLines,
  newId,
  type CheckRow,
  type InsertedHold,
  type InventoryCheck,
  type InventoryLine,
} from "@/lib/inventory/check-inventory";
import { inlineSql, isInlineSafeString } from "@/lib/inventory/inline-sql";
import {
  busyError,
  hasPostgresCode,
  inventoryLockCalls,
  isLockTimeout,
  LOCK_TIMEOUT,
} from "@/lib/inventory/lock-inventory";

export interface TakeHoldsInput {
  eventId: string;
  /** The pending order, created earlier in the same transaction. */
  orderId: string;
  lines: readonly InventoryLine[];
  /** When the holds lapse: the Checkout Session's expiry. */
  expiresAt: Date;
  /** The code on the order; its use count is checked under its lock (the stored maxUses is authoritative). */
  discount?: { id: string; maxUses: number | null } | null;
}

export interface TakeHoldsOptions {
  now?: Date;
  /**
   * TEST ONLY: the control case of lib/inventory/take-holds.concurrency.test.ts and of the benchmark, showing
   * the race the locks prevent. Runs the identical block without taking the advisory locks. Never set it
   * anywhere else.
   */
  unsafeSkipLocks?: boolean;
}

export const DISCOUNT_EXHAUSTED_MESSAGE = "This discount code has been used the maximum number of times.";

const REFUSAL_PREFIX = "stagedoor_inventory_refused:";

/**
 * Reserves seats for a pending order. Call INSIDE the caller's interactive transaction (the one that creates
 * the order), at most once per transaction, and trigger side effects (Stripe, email) only after it commits.
 *
 * One round trip, one server-side block (lib/inventory/lock-inventory.ts has the lock scheme):
 *   SET LOCAL lock_timeout = '3s' → write the holds (invisible until commit) → lock: sorted advisory xact
 *   locks (tiers exclusive, event exclusive when it has a cap and shared otherwise, discount exclusive) →
 *   check: availability from facts, recomputed after the locks with a fresh snapshot, this order's holds
 *   left out (lib/inventory/availability-sql.ts) → refuse by raising, which undoes the write.
 * No client round trip inside the locked section (lock grant → commit) keeps it short.
 *
 * Throws, with nothing written: AppError sold_out (409) naming the tier ("Only 3 VIP left"), validation on
 * `discountCode` (422) when the code is used up, busy (503, retry after 1 s) on lock timeout, not_found for
 * an unknown event or tier. A refusal aborts the transaction (it is raised inside Postgres): let the error
 * escape so the caller's transaction rolls back, and do nothing else in it.
 */
export async function takeHolds(
  tx: Db,
  input: TakeHoldsInput,
  options: TakeHoldsOptions = {},
): Promise<InsertedHold[]> {
  const now = options.now ?? new Date();
  const lines = mergeLines(input.lines);
  if (!(input.expiresAt > now)) throw AppError.validation("expiresAt", "must be in the future");
  const discountId = input.discount?.id ?? null;
  if (!isInlineSafeString(input.eventId)) throw AppError.notFound("Event not found.");
  if (lines.some((l) => !isInlineSafeString(l.tierId))) throw AppError.notFound("Tier not found.");
  if (!isInlineSafeString(input.orderId)) throw AppError.notFound("Order not found.");
  if (discountId !== null && !isInlineSafeString(discountId)) {
    const message = "This discount code does not exist for this event.";
    throw new AppError("validation", message, { fields: [{ field: "discountCode", message }] });
  }

  const holds = lines.map((l) => ({ id: newId(), tierId: l.tierId, quantity: l.quantity }));
  const { calls, forceEventExclusive } = inventoryLockCalls(
    {
      eventId: input.eventId,
      tierIds: lines.map((l) => l.tierId),
      discountId,
      unsafeSkipLocks: options.unsafeSkipLocks,
    },
    Prisma.sql`e.capacity`,
  );
  const check: InventoryCheck = {
    eventId: input.eventId,
    orderId: input.orderId,
    lines,
    discountId,
    now,
    eventExclusive: Prisma.raw("_lock.exclusive"),
  };
  const lockColumns = calls.map((call, i) => Prisma.sql`, ${call}::text AS ${Prisma.raw(`l${i}`)}`);
  // One block, so the locked section (lock grant → commit) holds no client round trip:
  // 1. SET LOCAL lock_timeout = '3s' (it covers every wait below, and the rest of the transaction);
  // 2. the holds, inserted BEFORE locking (still invisible to everyone else; the check leaves the order's
  //    own holds out, and a refusal aborts the transaction, taking them back). Their foreign-key row locks
  //    are thus taken before the advisory locks, never while holding them;
  // 3. the locks, in key order, in one target list evaluated left to right; the event's mode is picked
  //    from its cap as read by that statement;
  // 4. the check. plpgsql runs each statement with a fresh snapshot (READ COMMITTED), so it sees everything
  //    the previous lock holder committed; a refusal is raised with the check's row as JSON.
  // Values are written into the block as literals (a DO block takes no parameters): inlineSql accepts only
  // strings that need no escaping, which the id checks above guarantee.
  const block = inlineSql(Prisma.sql`
    DO $stagedoor_take_holds$
    DECLARE
      _lock record;
      _v record;
    BEGIN
      SET LOCAL lock_timeout = ${Prisma.raw(`'${LOCK_TIMEOUT}'`)};
      INSERT INTO tickets_holds (id, event_id, tier_id, order_id, quantity, expires_at)
      SELECT h.id, t.event_id, t.id, ${input.orderId}, h.quantity, ${input.expiresAt}::timestamptz
      FROM unnest(${holds.map((h) => h.id)}::text[], ${holds.map((h) => h.tierId)}::text[],
                  ${holds.map((h) => h.quantity)}::int[]) AS h(id, tier_id, quantity)
      JOIN tickets_tiers t ON t.id = h.tier_id AND t.event_id = ${input.eventId};
      SELECT (e.capacity IS NOT NULL OR ${forceEventExclusive}::boolean) AS exclusive
             ${lockColumns.length > 0 ? Prisma.join(lockColumns, "") : Prisma.empty}
        INTO _lock FROM tickets_events e WHERE e.id = ${input.eventId};
      IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = ${Prisma.raw(`'${REFUSAL_PREFIX}{"event":null}'`)};
      END IF;
      ${checkInventorySql(check, Prisma.raw("INTO _v"))};
      IF _v.ok IS NOT TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = ${Prisma.raw(`'${REFUSAL_PREFIX}'`)} ||
          json_build_object('tiers', _v.tiers, 'event', _v.event, 'discount', _v.discount,
                            'eventExclusive', _lock.exclusive)::text;
      END IF;
    END
    $stagedoor_take_holds$`);

  try {
    await tx.$executeRawUnsafe(block);
    return holds;
  } catch (error) {
    if (isLockTimeout(error)) throw busyError(error);
    if (hasPostgresCode(error, ["23503"])) throw AppError.notFound("Order not found.");
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    const reason = explainRefusal(refusal, { ...check, eventExclusive: refusal.eventExclusive });
    if (reason.kind === "discount_exhausted") {
      throw new AppError("validation", DISCOUNT_EXHAUSTED_MESSAGE, {
        fields: [{ field: "discountCode", message: DISCOUNT_EXHAUSTED_MESSAGE }],
      });
    }
    throw new AppError("sold_out", reason.message, {
      fields: reason.tierId ? [{ field: `tiers.${reason.tierId}`, message: reason.message }] : [],
    });
  }
}

type RaisedRefusal = Omit<CheckRow, "ok"> & { eventExclusive: boolean };

/** The check's verdict carried by the exception the block raised, however the driver wraps it. */
function refusalOf(error: unknown): RaisedRefusal | null {
  const seen = new Set<unknown>();
  const find = (value: unknown): string | null => {
    if (typeof value === "string") {
      const at = value.indexOf(REFUSAL_PREFIX);
      return at >= 0 ? value.slice(at + REFUSAL_PREFIX.length) : null;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) return null;
    seen.add(value);
    const v = value as Record<string, unknown>;
    for (const key of ["originalMessage", "message", "cause", "meta", "driverAdapterError"]) {
      const found = find(v[key]);
      if (found !== null) return found;
    }
    return null;
  };
  const json = find(error);
  if (json === null) return null;
  const end = json.lastIndexOf("}");
  const parsed = JSON.parse(end >= 0 ? json.slice(0, end + 1) : json) as RaisedRefusal;
  return { ...parsed, tiers: parsed.tiers ?? [] };
}
