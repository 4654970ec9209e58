// Periodic sweep: an expired Idempotency-Key is treated as absent already (a repeat claims it afresh), so its
// row, response body included, is only taking space.
import "server-only";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Deletes keys past their expiry; returns how many. Safe to rerun, and safe against a concurrent claim: a
 * claim that takes over an expired row moves its expiry forward first, so this no longer matches it.
 */
export async function deleteExpiredIdempotencyKeys(options: { db?: Db } = {}): Promise<number> {
  const client = options.db ?? defaultDb;
  // The database clock, as the claim uses: the two must agree on what has expired.
  return client.$executeRaw`DELETE FROM tickets_idempotency_keys WHERE expires_at <= now()`;
}

export const sweepIdempotencyKeysJob = defineJob({
  name: "idempotency-key.sweep",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const deleted = await deleteExpiredIdempotencyKeys();
    if (deleted > 0)
      ctx.log.info({ event: "tickets.idempotency.swept", deleted }, "deleted expired idempotency keys");
  },
});
