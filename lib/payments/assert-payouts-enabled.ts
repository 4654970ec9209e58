import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** TICKETING_PAYOUTS=false turns Stripe onboarding off with a clear 503 rather than a crash. */
export function assertPayoutsEnabled(): void {
  if (!env.TICKETING_PAYOUTS) {
    throw new AppError(
      "feature_disabled",
      "Connecting Stripe accounts is turned off on this platform right now (TICKETING_PAYOUTS=false).",
    );
  }
}
