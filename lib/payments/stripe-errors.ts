import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";

/**
 * Maps a failed Stripe call to what a user should see: Stripe unreachable, overloaded or rate-limiting →
 * 503 "try again"; anything else is rethrown unchanged (a 500 with a log line: it is our bug or config).
 */
export function rethrowStripeError(error: unknown): never {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    throw new AppError("busy", "Stripe is not responding right now. Please try again in a minute.", {
      retryAfterSeconds: 30,
      cause: error,
    });
  }
  throw error;
}
