import { randomBytes } from "node:crypto";

/**
 * A Stripe-shaped id for the built-in test mode (`cs_test_…`, `pi_test_…`): 96 random bits, never derived
 * from our own order or refund ids, so knowing an order id tells nobody its session or payment.
 */
export function testModeStripeId(prefix: "acct" | "cs" | "evt" | "pi"): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}
