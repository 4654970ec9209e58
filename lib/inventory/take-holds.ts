import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, isAppError } from "@/lib/errors";
import { allocateSeats, type InventoryLine } from "@/lib/inventory/allocate-seats";
import {
  mergeLines,
  newId,
  readAvailability,
  refusalError,
  type InsertedHold,
} from "@/lib/inventory/check-inventory";
import { RESERVED_AT } from "@/lib/inventory/hold-clock";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
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
  /**
   * How long the buyer has to pay, from the reservation's time on the database's clock (RESERVED_AT): the
   * order's expiresAt, which is its Checkout Session's expiry (see reserveSeats). The holds are written to
   * last HOLD_GRACE_MS longer, computed by the database as they are inserted.
   */
  payWithinMs: number;
  /** The code on the order; its use count is checked under its lock (the stored maxUses is authoritative). */
  discount?: { id: string; maxUses: number | null } | null;
}

export interface TakeHoldsOptions {
  /**
   * TEST ONLY: the control case of lib/inventory/take-holds.concurrency.test.ts and of the benchmark, showing
   * the race the locks prevent. Runs the identical block without taking the advisory locks. Never set it
   * anywhere else.
   */
  unsafeSkipLocks?: boolean;
}

export type HoldsResult = { ok: true; holds: InsertedHold[] } | { ok: false; error: AppError };

/** The takeHolds block records the event lock's mode here (transaction-local) for the check to read. */
const EVENT_EXCLUSIVE_SETTING = "stagedoor.event_exclusive";

/** The longest a Checkout Session may stay open (Stripe's limit), hence the longest a buyer may be given. */
const MAX_PAY_WITHIN_MS = 24 * 60 * 60_000;

/**
 * Reserves seats for one pending order: takeHoldsBatch for a batch of one, throwing its refusal. Call it
 * INSIDE the caller's interactive transaction (the one that creates the order), at most once per
 * transaction, and let a refusal escape so that transaction rolls back. Trigger side effects (Stripe,
 * email) only after it commits.
 *
 * Throws, with no holds written: AppError sold_out (409) naming the tier ("Only 3 VIP left"), validation on
 * `discountCode` (422) when the code is unknown or used up, busy (503, retry after 1 s) on lock timeout,
 * not_found for an unknown event, tier or order.
 */
export async function takeHolds(
  tx: Db,
  input: TakeHoldsInput,
  options: TakeHoldsOptions = {},
): Promise<InsertedHold[]> {
  const [result] = await takeHoldsBatch(tx, input.eventId, [input], options);
  if (!result) throw new Error("takeHoldsBatch returned no result");
  if (!result.ok) throw result.error;
  return result.holds;
}

/**
 * Reserves seats for several pending orders of ONE event in one locked section (group commit: see
 * lib/inventory/reserve-seats.ts). Call it inside the caller's interactive transaction, which created the
 * orders, at most once per transaction. Returns one result per input, in order: the orders are served one
 * after another in that order (allocateSeats), each against what the previous ones left, so the batch
 * decides exactly as the same orders would one by one. A refused order gets its error and keeps no holds;
 * deleting or rolling back the refused order is the caller's part.
 *
 * Two round trips, neither with client work inside the locked section (lock grant → commit) but the check:
 *   1. one server-side block: SET LOCAL lock_timeout = '3s' → write every order's holds, expiring at the
 *      reservation's time + payWithinMs + HOLD_GRACE_MS on the database's clock (invisible until commit;
 *      their foreign-key row locks are thus taken before the advisory locks, never while holding them) →
 *      lock: sorted advisory xact locks over the union of the batch's tiers and codes
 *      (lib/inventory/lock-inventory.ts has the scheme) → record the event lock's mode;
 *   2. the check: availability from facts, with a fresh snapshot taken after the locks, the batch's own
 *      holds and uses left out and holds judged live by the database's clock
 *      (lib/inventory/check-inventory.ts), then allocateSeats in Node; one more statement deletes the
 *      refused orders' holds when there are any.
 * Throws AppError busy for the whole batch on lock timeout, and not_found when an order does not exist.
 */
export async function takeHoldsBatch(
  tx: Db,
  eventId: string,
  inputs: readonly TakeHoldsInput[],
  options: TakeHoldsOptions = {},
): Promise<HoldsResult[]> {
  const results: HoldsResult[] = inputs.map(() => ({ ok: true, holds: [] }));
  const asks: {
    index: number;
    orderId: string;
    lines: InventoryLine[];
    discountId: string | null;
    payWithinMs: number;
  }[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      asks.push({ index, ...validateInput(input, eventId) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results[index] = { ok: false, error };
    }
  }
  if (asks.length === 0 || !isInlineSafeString(eventId)) {
    for (const ask of asks) results[ask.index] = { ok: false, error: AppError.notFound("Event not found.") };
    return results;
  }

  const holds = asks.flatMap((ask) =>
    ask.lines.map((l) => ({
      id: newId(),
      orderId: ask.orderId,
      tierId: l.tierId,
      quantity: l.quantity,
      lifetimeMs: ask.payWithinMs + HOLD_GRACE_MS,
    })),
  );
  const tierIds = [...new Set(holds.map((h) => h.tierId))];
  const discountIds = [...new Set(asks.flatMap((a) => (a.discountId ? [a.discountId] : [])))];
  const { calls, forceEventExclusive } = inventoryLockCalls(
    { eventId, tierIds, discountIds, unsafeSkipLocks: options.unsafeSkipLocks },
    Prisma.sql`e.capacity`,
  );
  const lockColumns = calls.map((call, i) => Prisma.sql`, ${call}::text AS ${Prisma.raw(`l${i}`)}`);
  // Values are written into the block as literals (a DO block takes no parameters): inlineSql accepts only
  // strings that need no escaping, which validateInput guarantees. The locks are taken in key order, in
  // one target list evaluated left to right; the event's mode is picked from its cap as read there.
  const block = inlineSql(Prisma.sql`
    DO $stagedoor_take_holds$
    DECLARE
      _lock record;
    BEGIN
      SET LOCAL lock_timeout = ${Prisma.raw(`'${LOCK_TIMEOUT}'`)};
      INSERT INTO tickets_holds (id, event_id, tier_id, order_id, quantity, expires_at)
      SELECT h.id, t.event_id, t.id, h.order_id, h.quantity,
             ${RESERVED_AT} + h.lifetime_ms * interval '1 millisecond'
      FROM unnest(${holds.map((h) => h.id)}::text[], ${holds.map((h) => h.orderId)}::text[],
                  ${holds.map((h) => h.tierId)}::text[], ${holds.map((h) => h.quantity)}::int[],
                  ${holds.map((h) => h.lifetimeMs)}::float8[])
             AS h(id, order_id, tier_id, quantity, lifetime_ms)
      JOIN tickets_tiers t ON t.id = h.tier_id AND t.event_id = ${eventId};
      SELECT (e.capacity IS NOT NULL OR ${forceEventExclusive}::boolean) AS exclusive
             ${lockColumns.length > 0 ? Prisma.join(lockColumns, "") : Prisma.empty}
        INTO _lock FROM tickets_events e WHERE e.id = ${eventId};
      PERFORM set_config(${EVENT_EXCLUSIVE_SETTING}, coalesce(_lock.exclusive, false)::text, true);
    END
    $stagedoor_take_holds$`);

  try {
    await tx.$executeRawUnsafe(block);
    const availability = await readAvailability(tx, {
      eventId,
      tierIds,
      discountIds,
      orderIds: asks.map((a) => a.orderId),
      eventExclusive: Prisma.sql`current_setting(${EVENT_EXCLUSIVE_SETTING})::boolean`,
    });
    const verdicts = allocateSeats(availability, asks);
    const refused = asks.filter((_, i) => verdicts[i] !== null).map((a) => a.orderId);
    if (refused.length > 0) {
      await tx.hold.deleteMany({ where: { orderId: { in: refused } } });
    }
    for (const [i, ask] of asks.entries()) {
      const refusal = verdicts[i];
      results[ask.index] = refusal
        ? { ok: false, error: refusalError(refusal) }
        : {
            ok: true,
            holds: holds
              .filter((h) => h.orderId === ask.orderId)
              .map(({ id, tierId, quantity }) => ({ id, tierId, quantity })),
          };
    }
    return results;
  } catch (error) {
    if (isLockTimeout(error)) throw busyError(error);
    if (hasPostgresCode(error, ["23503"])) throw AppError.notFound("Order not found.");
    throw error;
  }
}

/** Checks one input before any SQL: 422 for bad quantities or time to pay, 404 for ids that cannot exist. */
function validateInput(input: TakeHoldsInput, eventId: string) {
  const lines = mergeLines(input.lines);
  const { payWithinMs } = input;
  if (!Number.isSafeInteger(payWithinMs) || payWithinMs < 1 || payWithinMs > MAX_PAY_WITHIN_MS) {
    throw AppError.validation("payWithinMs", "must be a whole number of milliseconds, at most 24 hours");
  }
  if (input.eventId !== eventId || !isInlineSafeString(input.eventId)) {
    throw AppError.notFound("Event not found.");
  }
  if (lines.some((l) => !isInlineSafeString(l.tierId))) throw AppError.notFound("Tier not found.");
  if (!isInlineSafeString(input.orderId)) throw AppError.notFound("Order not found.");
  const discountId = input.discount?.id ?? null;
  if (discountId !== null && !isInlineSafeString(discountId)) {
    throw refusalError({ kind: "discount_not_found" });
  }
  return { orderId: input.orderId, lines, discountId, payWithinMs };
}
