// "Find my tickets": a buyer who lost the confirmation asks for their ticket links by email. Validate,
// rate-limit per IP and per address, queue the lookup; the answer never says whether the address bought
// anything (the job does the lookup, so the request takes the same time either way).
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import type { Db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { perIpLimit } from "@/lib/http/route";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { sendOrderLinksJob } from "@/lib/orders/send-order-links-job";
import { assertRateLimits, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

export const ORDER_LINKS_LIMITS = {
  perIp: { limit: 10, windowMs: 15 * 60_000 },
  perEmail: { limit: 3, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export const requestOrderLinksSchema = z.object({ email: emailSchema });

/** What every accepted request answers, whether or not the address has orders. */
export const ORDER_LINKS_ACCEPTED = {
  ok: true,
  message: "If tickets were bought with this email address, we have emailed the links to them.",
} as const;

/**
 * Counts the request for this IP and this address (hashed in the key: the rate-limit table holds no
 * addresses), then queues sendOrderLinksJob. Over a limit: 429 with Retry-After and a message saying when to
 * try again; nothing queued.
 */
export async function requestOrderLinks(
  input: unknown,
  context: { ip: string | null },
  options: { db?: Db } = {},
): Promise<typeof ORDER_LINKS_ACCEPTED> {
  const { email } = parseInput(requestOrderLinksSchema, input);
  const emailKey = createHash("sha256").update(email).digest("hex");
  await assertRateLimits(
    [
      ...perIpLimit(context.ip, "order-links:ip", ORDER_LINKS_LIMITS.perIp),
      { key: `order-links:email:${emailKey}`, rule: ORDER_LINKS_LIMITS.perEmail },
    ],
    options,
  );
  await enqueueJob(sendOrderLinksJob, { email }, { db: options.db });
  return ORDER_LINKS_ACCEPTED;
}
