import "server-only";
import type { Db } from "@/lib/db";
import { canReinstateOrder } from "@/lib/inventory/can-reinstate-order";

/**
 * A hold this close to its expiry is not trusted without the locks: a buyer on another app instance (whose
 * clock may differ a little) could already be counting it as expired and taking the seat.
 */
export const CONVERT_SAFETY_MARGIN_MS = 30_000;

/**
 * Payment landed for a pending order: its seats become tickets. Call inside the transaction that marks the
 * order paid and creates the tickets (with the order row locked FOR UPDATE), then create them there.
 *
 * - Every unreleased, unconverted hold still live for CONVERT_SAFETY_MARGIN_MS: sets their convertedAt (no
 *   inventory lock: this does not change availability) and returns true.
 * - Otherwise the payment is late: canReinstateOrder decides under the inventory locks; true → the holds
 *   are marked converted all the same and the seats are the order's; false → nothing written, refund.
 */
export async function convertHolds(tx: Db, orderId: string, now = new Date()): Promise<boolean> {
  const safeUntil = new Date(now.getTime() + CONVERT_SAFETY_MARGIN_MS);
  const open = await tx.hold.findMany({
    where: { orderId, releasedAt: null, convertedAt: null },
    select: { expiresAt: true },
  });
  const live = open.length > 0 && open.every((h) => h.expiresAt > safeUntil);
  if (!live && !(await canReinstateOrder(tx, orderId, now))) return false;
  await tx.hold.updateMany({
    where: { orderId, releasedAt: null, convertedAt: null },
    data: { convertedAt: now },
  });
  return true;
}
