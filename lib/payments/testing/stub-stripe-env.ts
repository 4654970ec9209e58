// Test helper: Stripe settings start from "nothing configured" (test mode) so a developer's shell cannot
// leak into a test; pass values to configure keys, secrets or a local API stand-in. Undo with restoreEnv().
import { vi } from "vitest";
import { loadEnv } from "@/lib/env";

export const TEST_PLATFORM_WEBHOOK_SECRET = "whsec_platform_for_tests";
export const TEST_CONNECT_WEBHOOK_SECRET = "whsec_connect_for_tests";

export function stubStripeEnv(values: Record<string, string> = {}): void {
  const base: Record<string, string | undefined> = {
    APP_URL: "http://localhost:3000",
    STRIPE_SECRET_KEY: undefined,
    STRIPE_TEST_MODE: undefined,
    STRIPE_WEBHOOK_SECRET: undefined,
    STRIPE_CONNECT_WEBHOOK_SECRET: undefined,
    STRIPE_API_BASE: undefined,
    STRIPE_CONNECT_ACCOUNT_KIND: undefined,
    TICKETING_PAYOUTS: undefined,
  };
  for (const [key, value] of Object.entries({ ...base, ...values })) vi.stubEnv(key, value);
  loadEnv();
}

/** Keys configured and the SDK pointed at `apiBase` (a StripeStandIn's url). */
export function stubStripeKeys(apiBase: string, values: Record<string, string> = {}): void {
  stubStripeEnv({
    STRIPE_SECRET_KEY: "sk_test_stagedoor_standin",
    STRIPE_WEBHOOK_SECRET: TEST_PLATFORM_WEBHOOK_SECRET,
    STRIPE_CONNECT_WEBHOOK_SECRET: TEST_CONNECT_WEBHOOK_SECRET,
    STRIPE_API_BASE: apiBase,
    ...values,
  });
}
