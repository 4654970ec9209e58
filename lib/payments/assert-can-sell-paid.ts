import "server-only";
import { AppError } from "@/lib/errors";
import { isStripeTestMode } from "@/lib/payments/stripe-client";

export interface OrganizerPaymentReadiness {
  stripeAccountId: string | null;
  stripeChargesEnabled: boolean;
  stripeTestMode: boolean;
}

/**
 * Paid tiers need a connected Stripe account that can take charges (kept current from Stripe by
 * syncConnectedAccount). A test-mode account only counts while the server itself runs in test mode.
 * Call when publishing an event with paid tiers (and before starting a paid checkout).
 */
export function assertCanSellPaid(organizer: OrganizerPaymentReadiness): void {
  const ready =
    organizer.stripeAccountId !== null &&
    organizer.stripeChargesEnabled &&
    (!organizer.stripeTestMode || isStripeTestMode());
  if (!ready) {
    throw AppError.conflict("Connect Stripe and finish onboarding before publishing paid tickets");
  }
}
