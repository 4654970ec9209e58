import "server-only";
import type { Db } from "@/lib/db";
import { canReinstateOrder } from "@/lib/inventory/can-reinstate-order";
import { HOLD_NOW, intervalMs } from "@/lib/inventory/hold-clock";

/**
 * The longest a transaction that converts holds may run: fulfillOrder passes it as its $transaction
 * timeout. Prisma rolls back a transaction that runs longer, so one that commits does so within this of its
 * start, and of any check it made.
 */
export const CONVERSION_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * A hold with less time than this left (database clock) is not trusted without the inventory locks. The
 * conversion must be committed while the hold is still live: a buyer whose check sees it lapsed and the
 * conversion not yet committed would take the same seat. The transaction's timeout bounds when it commits;
 * the rest covers the commit itself.
 */
export const CONVERT_SAFETY_MARGIN_MS = CONVERSION_TRANSACTION_TIMEOUT_MS + 5_000;

export interface ConvertHoldsOptions {
  /**
   * TEST ONLY: the control case of lib/inventory/holds.concurrency.test.ts, showing the race the locks
   * prevent. Makes the same decision without taking the inventory locks. Never set it anywhere else.
   */
  unsafeSkipLocks?: boolean;
}

/**
 * Payment landed for an order waiting for it: its seats become tickets. Call inside the transaction that
 * marks the order paid and creates the tickets, with the order row locked FOR UPDATE, and give that
 * transaction CONVERSION_TRANSACTION_TIMEOUT_MS at most.
 *
 * - A cancelled order (or any but pending and expired) gets nothing: false. Its money goes back: it was
 *   already refused once (a late payment whose refund may be on its way), or its payment had failed.
 * - Every unreleased, unconverted hold live for CONVERT_SAFETY_MARGIN_MS more on the database's clock: sets
 *   their convertedAt (no inventory lock: this does not change availability) and returns true.
 * - Otherwise the payment is late, or close to it: canReinstateOrder decides under the inventory locks;
 *   true → the holds are marked converted all the same and the seats are the order's; false → nothing
 *   written, refund.
 */
export async function convertHolds(
  tx: Db,
  orderId: string,
  options: ConvertHoldsOptions = {},
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ waiting: boolean; safe: boolean }[]>`
    SELECT o.status IN ('pending', 'expired') AS waiting,
           count(h.id) > 0
             AND coalesce(bool_and(h.expires_at > ${HOLD_NOW} + ${intervalMs(CONVERT_SAFETY_MARGIN_MS)}), false)
             AS safe
    FROM tickets_orders o
    LEFT JOIN tickets_holds h ON h.order_id = o.id AND h.released_at IS NULL AND h.converted_at IS NULL
    WHERE o.id = ${orderId}
    GROUP BY o.id`;
  const row = rows[0];
  if (!row?.waiting) return false;
  if (!row.safe && !(await canReinstateOrder(tx, orderId, options))) return false;
  await tx.$executeRaw`
    UPDATE tickets_holds SET converted_at = ${HOLD_NOW}
    WHERE order_id = ${orderId} AND released_at IS NULL AND converted_at IS NULL`;
  return true;
}
