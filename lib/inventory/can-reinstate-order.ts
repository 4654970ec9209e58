import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkInventory, mergeLines, type InventoryLine } from "@/lib/inventory/check-inventory";
import { busyError, isLockTimeout, lockInventory } from "@/lib/inventory/lock-inventory";

/**
 * A payment landed after the order's holds lapsed (expired, or released), or so close to their expiry that
 * they cannot be trusted (see convertHolds): is there still room for it? Takes the same locks as takeHolds
 * and checks capacity (tiers, event cap, and the discount's uses) as if the order's items were new: its own
 * holds and its own discount use are left out of the count. `unsafeSkipLocks` is TEST ONLY (see convertHolds).
 *
 * When it returns true the locks are held until commit: create the tickets (or convert the holds) in this
 * same transaction. False: no room, refund. Like takeHolds, lock once per transaction; busy on lock timeout.
 * The seats asked for are the order's items; an order without items falls back to its unconverted holds.
 */
export async function canReinstateOrder(
  tx: Db,
  orderId: string,
  options: { unsafeSkipLocks?: boolean } = {},
): Promise<boolean> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      eventId: true,
      discountId: true,
      items: { select: { tierId: true, quantity: true } },
      holds: { where: { convertedAt: null }, select: { tierId: true, quantity: true } },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
  const asked: InventoryLine[] = order.items.length > 0 ? order.items : order.holds;
  if (asked.length === 0) return true;
  const lines = mergeLines(asked);
  try {
    const lock = await lockInventory(tx, {
      eventId: order.eventId,
      tierIds: lines.map((l) => l.tierId),
      discountIds: order.discountId ? [order.discountId] : [],
      unsafeSkipLocks: options.unsafeSkipLocks,
    });
    const refusal = await checkInventory(tx, {
      eventId: order.eventId,
      orderId,
      lines,
      discountId: order.discountId,
      eventExclusive: lock.eventExclusive,
    });
    return refusal === null;
  } catch (error) {
    if (isLockTimeout(error)) throw busyError(error);
    throw error;
  }
}
