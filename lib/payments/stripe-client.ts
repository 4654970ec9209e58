// The one Stripe SDK client. Without STRIPE_SECRET_KEY the app runs in "Stripe test mode" (payments mode
// "simulated"): no real Stripe calls, a built-in onboarding page and locally signed webhook events exercise
// the same code paths.
import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { getPaymentsMode } from "@/lib/payments/payments-mode";

const globalForStripe = globalThis as unknown as { stagedoorStripe?: { key: string; client: Stripe } };

/** True when no Stripe secret key is configured: the built-in test mode stands in for Stripe. */
export function isStripeTestMode(): boolean {
  return getPaymentsMode() === "simulated";
}

/** host/port/protocol SDK options for STRIPE_API_BASE (e.g. a local stand-in), or none for api.stripe.com. */
export function stripeApiBaseOptions(
  apiBase: string | undefined,
): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol.replace(/:$/, "");
  if (protocol !== "http" && protocol !== "https") {
    throw new Error(`STRIPE_API_BASE must be an http(s) URL, got ${url.protocol}`);
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80,
    protocol,
  };
}

/** The Stripe client for the configured secret key, or null in test mode (no key). */
export function getStripe(): Stripe | null {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (!secretKey) return null;
  const cacheKey = `${secretKey}|${env.STRIPE_API_BASE ?? ""}|${env.STRIPE_TIMEOUT_MS}`;
  const cached = globalForStripe.stagedoorStripe;
  if (cached?.key === cacheKey) return cached.client;
  const client = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    // Stripe calls run inside requests and jobs: fail in seconds rather than the SDK's default 80.
    timeout: env.STRIPE_TIMEOUT_MS,
    appInfo: { name: "Stagedoor", url: "https://stagedoor.dev" },
    ...stripeApiBaseOptions(env.STRIPE_API_BASE),
  });
  globalForStripe.stagedoorStripe = { key: cacheKey, client };
  return client;
}

/** Like getStripe, for code paths that make no sense in test mode. */
export function requireStripe(): Stripe {
  const stripe = getStripe();
  if (!stripe) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY is not set)");
  return stripe;
}
