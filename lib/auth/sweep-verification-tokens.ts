// Periodic sweep: magic-link tokens past their expiry can never be used, so their rows are deleted.
import "server-only";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";

export async function deleteExpiredVerificationTokens(
  options: { db?: Db; now?: Date } = {},
): Promise<number> {
  const client = options.db ?? defaultDb;
  const { count } = await client.verificationToken.deleteMany({
    where: { expires: { lte: options.now ?? new Date() } },
  });
  return count;
}

export const sweepVerificationTokensJob = defineJob({
  name: "auth.sweep-verification-tokens",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const deleted = await deleteExpiredVerificationTokens();
    if (deleted > 0) {
      ctx.log.info({ event: "tickets.auth.tokens_swept", deleted }, "deleted expired verification tokens");
    }
  },
});
