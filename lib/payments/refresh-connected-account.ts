import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/payments/stripe-client";
import { rethrowStripeError } from "@/lib/payments/stripe-errors";
import { syncConnectedAccount, type ConnectedAccountState } from "@/lib/payments/sync-connected-account";

/**
 * Re-reads the organizer's connected account from Stripe and stores its readiness (the onboarding return page
 * and the "Re-check" button). Returns null when there is nothing to fetch: no account yet, or a test-mode
 * account that lives only in our database.
 */
export async function refreshConnectedAccount(
  organizerId: string,
  options: { actorUserId?: string; source?: string } = {},
): Promise<ConnectedAccountState | null> {
  const organizer = await db.organizer.findUnique({
    where: { id: organizerId },
    select: { stripeAccountId: true, stripeTestMode: true },
  });
  if (!organizer) throw AppError.notFound("Organizer not found.");
  if (!organizer.stripeAccountId || organizer.stripeTestMode) return null;
  const stripe = getStripe();
  if (!stripe) {
    throw AppError.conflict(
      "This organizer is connected to a real Stripe account, but Stripe is not configured on this server.",
    );
  }
  let account: Stripe.Account;
  try {
    account = await stripe.accounts.retrieve(organizer.stripeAccountId);
  } catch (error) {
    rethrowStripeError(error);
  }
  return syncConnectedAccount(organizerId, account, {
    actorType: options.actorUserId ? "user" : "stripe",
    actorUserId: options.actorUserId ?? null,
    source: options.source ?? "recheck",
  });
}
