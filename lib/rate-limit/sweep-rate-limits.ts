// Periodic sweep: expired rate-limit windows carry no information, so their rows are deleted.
import "server-only";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";

/** Deletes windows that have ended; returns how many. Safe to rerun (a new request just starts a window). */
export async function deleteExpiredRateLimits(options: { db?: Db; now?: Date } = {}): Promise<number> {
  const client = options.db ?? defaultDb;
  const { count } = await client.rateLimit.deleteMany({
    where: { expiresAt: { lte: options.now ?? new Date() } },
  });
  return count;
}

export const sweepRateLimitsJob = defineJob({
  name: "rate-limit.sweep",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const deleted = await deleteExpiredRateLimits();
    if (deleted > 0)
      ctx.log.info({ event: "tickets.rate_limit.swept", deleted }, "deleted expired rate-limit rows");
  },
});
