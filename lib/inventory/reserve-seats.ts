// Group commit for checkout: buyers of one event who arrive while a reservation transaction is running are
// served together by the next one. Each transaction creates its batch's pending orders and takes their
// holds in one locked section (takeHoldsBatch), deciding every order as if they had come one by one, and
// commits once. At low traffic a batch is one order and nothing waits; in a flash sale the lock, the round
// trips and the commit's WAL flush are shared by up to MAX_BATCH buyers instead of paid by each.
//
// Batching is per process and per database client; the advisory locks inside takeHoldsBatch are what keep
// separate processes (and separate clients) from overselling, exactly as for single orders.
import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import type { InventoryLine } from "@/lib/inventory/allocate-seats";
import type { InsertedHold } from "@/lib/inventory/check-inventory";
import { readReservationTime } from "@/lib/inventory/hold-clock";
import { takeHoldsBatch, type HoldsResult, type TakeHoldsOptions } from "@/lib/inventory/take-holds";

/** Most orders served by one transaction. */
const MAX_BATCH = 100;
/** Batches of one event running at once in this process. */
const MAX_IN_FLIGHT = 2;

export interface SeatReservation {
  /** The pending order row to create (its expiresAt is set here); its holds are taken for `order.eventId`. */
  order: Omit<Prisma.OrderCreateManyInput, "expiresAt"> & { id: string; eventId: string };
  items: Omit<Prisma.OrderItemCreateManyInput, "orderId">[];
  lines: readonly InventoryLine[];
  /**
   * How long the buyer has to pay, from the reservation's time on the database's clock: the order's
   * expiresAt, the expiry to give its Checkout Session. Its holds last HOLD_GRACE_MS longer.
   */
  payWithinMs: number;
  /** The code on the order; its use count is checked under its lock. */
  discount: { id: string; maxUses: number | null } | null;
}

export interface ReservedSeats {
  holds: InsertedHold[];
  /** The order's expiresAt: the reservation's time on the database's clock + payWithinMs. */
  expiresAt: Date;
}

interface Waiting {
  reservation: SeatReservation;
  resolve: (reserved: ReservedSeats) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  /** Batches started and not yet settled. */
  inFlight: number;
  /** Drops the queue once it is idle, so an event that stopped selling leaves nothing behind. */
  forget: () => void;
}

/** Transactional database clients (the root client, not a transaction) → their queues by batch key. */
const queues = new WeakMap<object, Map<string, Queue>>();

/**
 * Creates the pending order and holds its seats, committed together or not at all. Resolves with the holds
 * and the order's expiry once committed; rejects, with nothing written for this order, with the refusal
 * (AppError sold_out 409, validation on discountCode 422, not_found 404) or busy (503) when the locks were
 * not granted in time.
 */
export function reserveSeats(
  client: PrismaClient,
  reservation: SeatReservation,
  options: TakeHoldsOptions = {},
): Promise<ReservedSeats> {
  const key = `${reservation.order.eventId}:${options.unsafeSkipLocks === true}`;
  let byKey = queues.get(client);
  if (!byKey) {
    byKey = new Map();
    queues.set(client, byKey);
  }
  let queue = byKey.get(key);
  if (!queue) {
    const clientQueues = byKey;
    queue = { waiting: [], inFlight: 0, forget: () => clientQueues.delete(key) };
    byKey.set(key, queue);
  }
  const target = queue;
  return new Promise<ReservedSeats>((resolve, reject) => {
    target.waiting.push({ reservation, resolve, reject });
    startBatches(client, target, options.unsafeSkipLocks === true);
  });
}

/**
 * Starts batches while fewer than MAX_IN_FLIGHT run: the next batch opens its transaction and writes its
 * orders while the previous one holds the locks, then waits for them.
 */
function startBatches(client: PrismaClient, queue: Queue, unsafeSkipLocks: boolean): void {
  while (queue.inFlight < MAX_IN_FLIGHT && queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, MAX_BATCH);
    queue.inFlight += 1;
    void serve(client, batch, unsafeSkipLocks).finally(() => {
      queue.inFlight -= 1;
      startBatches(client, queue, unsafeSkipLocks);
    });
  }
  if (queue.inFlight === 0 && queue.waiting.length === 0) queue.forget();
}

/**
 * One transaction for the batch. When it fails as a whole for a reason that is not about inventory (say one
 * order's row breaks a constraint), each order is retried alone, so one bad order cannot fail the others.
 */
async function serve(client: PrismaClient, batch: Waiting[], unsafeSkipLocks: boolean): Promise<void> {
  try {
    const { reservedAt, results } = await runBatch(client, batch, unsafeSkipLocks);
    for (const [i, waiting] of batch.entries()) {
      const result = results[i];
      if (!result) waiting.reject(new Error("reservation batch returned no result"));
      else if (result.ok) {
        waiting.resolve({ holds: result.holds, expiresAt: orderExpiry(reservedAt, waiting.reservation) });
      } else waiting.reject(result.error);
    }
  } catch (error) {
    if (batch.length > 1 && !isAppError(error)) {
      for (const waiting of batch) await serve(client, [waiting], unsafeSkipLocks);
      return;
    }
    for (const waiting of batch) waiting.reject(error);
  }
}

/** The order's expiresAt: the reservation's time on the database's clock + the time to pay. */
function orderExpiry(reservedAt: Date, reservation: SeatReservation): Date {
  return new Date(reservedAt.getTime() + reservation.payWithinMs);
}

async function runBatch(
  client: PrismaClient,
  batch: Waiting[],
  unsafeSkipLocks: boolean,
): Promise<{ reservedAt: Date; results: HoldsResult[] }> {
  const eventId = batch[0]?.reservation.order.eventId;
  if (!eventId) throw new Error("empty reservation batch");
  return client.$transaction(
    async (tx) => {
      // The orders' expiry and their holds' (written by takeHoldsBatch) count from the same database time.
      const reservedAt = await readReservationTime(tx);
      await tx.order.createMany({
        data: batch.map(({ reservation }) => ({
          ...reservation.order,
          expiresAt: orderExpiry(reservedAt, reservation),
        })),
      });
      const items = batch.flatMap((w) =>
        w.reservation.items.map((item) => ({ ...item, orderId: w.reservation.order.id })),
      );
      if (items.length > 0) await tx.orderItem.createMany({ data: items });
      const results = await takeHoldsBatch(
        tx,
        eventId,
        batch.map(({ reservation }) => ({
          eventId: reservation.order.eventId,
          orderId: reservation.order.id,
          lines: reservation.lines,
          payWithinMs: reservation.payWithinMs,
          discount: reservation.discount,
        })),
        { unsafeSkipLocks },
      );
      const refused = batch.filter((_, i) => results[i]?.ok !== true).map((w) => w.reservation.order.id);
      if (refused.length > 0) await tx.order.deleteMany({ where: { id: { in: refused } } });
      return { reservedAt, results };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
