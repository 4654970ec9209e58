import "server-only";
import type { Db } from "@/lib/db";
import { HOLD_NOW } from "@/lib/inventory/hold-clock";

/**
 * Gives an order's seats back (checkout abandoned, `checkout.session.expired`, order cancelled, expiry
 * sweep): sets releasedAt, the database's time, on its unreleased, unconverted holds. Freeing needs no
 * lock. Idempotent: returns how many holds it released (0 on a rerun).
 */
export async function releaseHolds(tx: Db, orderId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE tickets_holds SET released_at = ${HOLD_NOW}
    WHERE order_id = ${orderId} AND released_at IS NULL AND converted_at IS NULL`;
}
