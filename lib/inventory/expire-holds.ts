// Periodic sweep: pending orders whose holds ran out (database clock) become `expired` and their holds are
// released. The seats are already free before it runs (availability ignores expired holds); the sweep makes
// the order's state say so. Freeing needs no inventory lock (pretix); each order is re-checked under its row
// lock, which a payment for it (fulfillOrder) holds too.
import "server-only";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { liveHold } from "@/lib/inventory/availability-sql";
import { HOLD_NOW } from "@/lib/inventory/hold-clock";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Expires one order if it is still pending and none of its holds is live (database clock), releasing its
 * holds. Returns whether it changed anything. Safe to rerun: an order already expired, paid or cancelled is
 * left alone.
 */
export async function expireOrderHolds(tx: Db, orderId: string): Promise<boolean> {
  const locked = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
  if (locked[0]?.status !== "pending") return false;
  const live = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM tickets_holds h WHERE h.order_id = ${orderId} AND ${liveHold("h")} LIMIT 1`;
  if (live.length > 0) return false;
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: "pending" },
    data: { status: "expired" },
  });
  await releaseHolds(tx, orderId);
  return count > 0;
}

/** Expires every pending order whose holds have lapsed, in batches; returns how many orders it expired. */
export async function expireHolds(options: { db?: PrismaClient; batchSize?: number } = {}): Promise<number> {
  const client = options.db ?? defaultDb;
  const batchSize = options.batchSize ?? 200;
  let expired = 0;
  let after = "";
  for (;;) {
    const candidates = await client.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT o.id FROM tickets_orders o JOIN tickets_holds h ON h.order_id = o.id
      WHERE o.status = 'pending' AND o.id > ${after}
        AND h.expires_at <= ${HOLD_NOW} AND h.released_at IS NULL AND h.converted_at IS NULL
      ORDER BY o.id LIMIT ${batchSize}`;
    for (const { id } of candidates) {
      if (await client.$transaction((tx) => expireOrderHolds(tx, id))) expired += 1;
    }
    const last = candidates.at(-1);
    if (!last || candidates.length < batchSize) return expired;
    after = last.id;
  }
}

export const expireHoldsJob = defineJob({
  name: "inventory.expire-holds",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const expired = await expireHolds();
    if (expired > 0)
      ctx.log.info({ event: "tickets.inventory.holds_expired", expired }, "expired lapsed orders");
  },
});
