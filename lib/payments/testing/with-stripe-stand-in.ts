// Test helper: the Stripe stand-in for the enclosing describe, started before its first test and closed
// after its last. Before each test the database is emptied, the stand-in forgets everything and Stripe
// starts unconfigured (test mode; tests turn keys on with stubStripeKeys(standIn.url)); env stubs are undone
// after each test and once more at the end.
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { loadEnv } from "@/lib/env";
import { startStripeStandIn, type StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { resetDatabase } from "@/lib/testing/db";

export function withStripeStandIn(): { readonly current: StripeStandIn } {
  let standIn: StripeStandIn | undefined;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
  });
  afterAll(async () => {
    await standIn?.close();
    vi.unstubAllEnvs();
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
    standIn?.reset();
    stubStripeEnv();
  });
  afterEach(() => vi.unstubAllEnvs());
  return {
    get current() {
      if (!standIn) throw new Error("the Stripe stand-in has not started yet");
      return standIn;
    },
  };
}
