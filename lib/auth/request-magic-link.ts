// Asking for a magic link: validate, rate-limit per IP and per address, then let Auth.js create the hashed
// token and queue the email. The answer is the same whether or not the address has an account.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { sendSignInLink } from "@/lib/auth/auth";
import { callbackPathSchema, DEFAULT_CALLBACK_PATH } from "@/lib/auth/callback-url";
import { emailSchema } from "@/lib/auth/email";
import type { Db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { perIpLimit } from "@/lib/http/route";
import { assertRateLimits, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

export const MAGIC_LINK_LIMITS = {
  perIp: { limit: 10, windowMs: 15 * 60_000 },
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export const requestMagicLinkSchema = z.object({
  email: emailSchema,
  callbackUrl: callbackPathSchema.optional(),
});

export type RequestMagicLinkInput = z.input<typeof requestMagicLinkSchema>;

/**
 * Counts one magic-link request for this IP and this (normalised) address; throws 429 when either is over.
 * Shared by our endpoint and the raw Auth.js `signin/email` endpoint so neither bypasses the other.
 * The address is hashed in the key: the rate-limit table holds no e-mail addresses.
 */
export async function assertMagicLinkRateLimit(
  ip: string | null,
  email: string,
  options: { db?: Db } = {},
): Promise<void> {
  const emailKey = createHash("sha256").update(email).digest("hex");
  await assertRateLimits(
    [
      ...perIpLimit(ip, "magic-link:ip", MAGIC_LINK_LIMITS.perIp),
      { key: `magic-link:email:${emailKey}`, rule: MAGIC_LINK_LIMITS.perEmail },
    ],
    options,
  );
}

export async function requestMagicLink(
  input: unknown,
  context: { ip: string | null },
): Promise<{ ok: true }> {
  const { email, callbackUrl } = parseInput(requestMagicLinkSchema, input);
  await assertMagicLinkRateLimit(context.ip, email);
  await sendSignInLink(email, callbackUrl ?? DEFAULT_CALLBACK_PATH);
  return { ok: true };
}
