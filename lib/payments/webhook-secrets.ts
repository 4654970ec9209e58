// Signing secrets for the two webhook endpoints. With Stripe keys they come from the environment. In Stripe
// test mode (no keys) the test-mode pages sign Stripe-format events themselves so they travel through the
// real webhook pipeline; their secret is this installation's own, made once and kept in the database, so
// nobody outside the server can sign an event that marks an order paid.
import "server-only";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { isStripeTestMode } from "@/lib/payments/stripe-client";

export type WebhookEndpoint = "platform" | "connect";

const TEST_MODE_SECRET_SETTING = "stripe_test_mode_webhook_secret";
const storedSecretSchema = z.object({ secret: z.string().startsWith("whsec_").min(40) });

/**
 * This installation's test-mode webhook secret: 32 random bytes made on first use and stored in
 * tickets_platform_settings. The insert does nothing when another instance stored one first, and the secret
 * is always read back from the row, so instances starting together agree. Not cached: emptying the module's
 * tables (`npm run db:seed`) makes a new one and every running instance follows at once. Never log it or
 * return it from an API.
 */
export async function getTestModeWebhookSecret(client: Db = defaultDb): Promise<string> {
  const stored = await readTestModeSecret(client);
  if (stored) return stored;
  await client.platformSetting.createMany({
    data: [
      { key: TEST_MODE_SECRET_SETTING, value: { secret: `whsec_${randomBytes(32).toString("base64url")}` } },
    ],
    skipDuplicates: true,
  });
  const created = await readTestModeSecret(client);
  if (!created) throw new Error("the test-mode webhook secret could not be stored");
  return created;
}

async function readTestModeSecret(client: Db): Promise<string | null> {
  const row = await client.platformSetting.findUnique({
    where: { key: TEST_MODE_SECRET_SETTING },
    select: { value: true },
  });
  if (!row) return null;
  const parsed = storedSecretSchema.safeParse(row.value);
  if (!parsed.success) throw new Error(`the stored ${TEST_MODE_SECRET_SETTING} is malformed`);
  return parsed.data.secret;
}

/**
 * The secret that verifies `endpoint`'s events: the platform secret; for Connect its own secret, falling
 * back to the platform secret; in test mode without secrets, this installation's test-mode secret. Throws
 * when Stripe keys are configured but no webhook secret is (a configuration error: the request answers 500
 * and Stripe retries).
 */
export async function getWebhookSecret(endpoint: WebhookEndpoint): Promise<string> {
  const configured =
    endpoint === "connect"
      ? (env.STRIPE_CONNECT_WEBHOOK_SECRET ?? env.STRIPE_WEBHOOK_SECRET)
      : env.STRIPE_WEBHOOK_SECRET;
  if (configured) return configured;
  if (isStripeTestMode()) return getTestModeWebhookSecret();
  throw new Error(
    endpoint === "connect"
      ? "STRIPE_CONNECT_WEBHOOK_SECRET (or STRIPE_WEBHOOK_SECRET) is not set"
      : "STRIPE_WEBHOOK_SECRET is not set",
  );
}

/**
 * A `Stripe-Signature` header for `payload`, signed with the secret `endpoint` verifies with. Only in test
 * mode: with real keys, events must come from Stripe.
 */
export async function signTestModeWebhook(payload: string, endpoint: WebhookEndpoint): Promise<string> {
  if (!isStripeTestMode())
    throw new Error("test-mode webhooks can only be signed when Stripe keys are not set");
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: await getWebhookSecret(endpoint) });
}
