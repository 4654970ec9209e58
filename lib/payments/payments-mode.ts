// How payments run on this server, decided in one place from the environment:
// - "live": a live Stripe key, real money;
// - "stripe_test": a Stripe test key, so Stripe's own test mode (test cards, no real money);
// - "simulated": no key, the built-in test-mode pages stand in for Stripe (in production only with
//   STRIPE_TEST_MODE=true, see lib/env.ts).
// Pages and emails show testModeNotice(...) whenever no real money moves.
import "server-only";
import { env } from "@/lib/env";

export type PaymentsMode = "live" | "stripe_test" | "simulated";

export function getPaymentsMode(): PaymentsMode {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return "simulated";
  return key.startsWith("sk_live_") ? "live" : "stripe_test";
}

/** The one sentence every page and email carries when no real money moves; null for live payments. */
export function testModeNotice(mode: PaymentsMode): string | null {
  if (mode === "simulated") return "Test mode: payments are simulated and no real money moves.";
  if (mode === "stripe_test") return "Test mode: payments run in Stripe's test mode and no real money moves.";
  return null;
}
