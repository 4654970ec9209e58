// Signing secrets for the two webhook endpoints. In Stripe test mode (no keys) a built-in secret lets the
// test-mode pages sign Stripe-format events so they travel through the real webhook pipeline.
import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { isStripeTestMode } from "@/lib/payments/stripe-client";

/** Public on purpose: it only ever verifies events in test mode, where no real money moves. */
export const DEV_WEBHOOK_SECRET = "whsec_stagedoor_test_mode_only_not_a_real_secret";

export type WebhookEndpoint = "platform" | "connect";

/**
 * The secret that verifies `endpoint`'s events: the platform secret; for Connect its own secret, falling
 * back to the platform secret; in test mode without secrets, DEV_WEBHOOK_SECRET. Throws when Stripe keys
 * are configured but no webhook secret is (a configuration error: the request answers 500 and Stripe retries).
 */
export function getWebhookSecret(endpoint: WebhookEndpoint): string {
  const configured =
    endpoint === "connect"
      ? (env.STRIPE_CONNECT_WEBHOOK_SECRET ?? env.STRIPE_WEBHOOK_SECRET)
      : env.STRIPE_WEBHOOK_SECRET;
  if (configured) return configured;
  if (isStripeTestMode()) return DEV_WEBHOOK_SECRET;
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
export function signTestModeWebhook(payload: string, endpoint: WebhookEndpoint): string {
  if (!isStripeTestMode())
    throw new Error("test-mode webhooks can only be signed when Stripe keys are not set");
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: getWebhookSecret(endpoint) });
}
