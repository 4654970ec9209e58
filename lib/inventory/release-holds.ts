import "server-only";
import type { Db } from "@/lib/db";

/**
 * Gives an order's seats back (checkout abandoned, `checkout.session.expired`, order cancelled): sets
 * releasedAt on its unreleased, unconverted holds. Freeing needs no lock. Idempotent: returns how many holds
 * it released (0 on a rerun).
 */
export async function releaseHolds(tx: Db, orderId: string, now = new Date()): Promise<number> {
  const { count } = await tx.hold.updateMany({
    where: { orderId, releasedAt: null, convertedAt: null },
    data: { releasedAt: now },
  });
  return count;
}
