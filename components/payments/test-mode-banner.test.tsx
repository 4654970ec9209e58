import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { TestModeBanner } from "@/components/payments/test-mode-banner";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";

describe("TestModeBanner", () => {
  afterEach(restoreEnv);

  it("tells everyone when payments are simulated, also in production where STRIPE_TEST_MODE chose it", () => {
    // One status paragraph with the notice (its classes are the design system's, not asserted here).
    const simulated =
      /^<p class="[^"]*" role="status">Test mode: payments are simulated and no real money moves\.<\/p>$/;
    stubStripeEnv();
    expect(renderToStaticMarkup(<TestModeBanner />)).toMatch(simulated);
    stubStripeEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), STRIPE_TEST_MODE: "true" });
    expect(renderToStaticMarkup(<TestModeBanner />)).toMatch(simulated);
  });

  it("says Stripe's test mode with test keys and is absent with live keys", () => {
    stubStripeEnv({ STRIPE_SECRET_KEY: "sk_test_x" });
    expect(renderToStaticMarkup(<TestModeBanner />)).toContain("payments run in Stripe&#x27;s test mode");
    stubStripeEnv({ STRIPE_SECRET_KEY: "sk_live_x" });
    expect(renderToStaticMarkup(<TestModeBanner />)).toBe("");
  });
});
