import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertPayoutsEnabled } from "@/lib/payments/assert-payouts-enabled";
import { onboardingRefreshUrl, onboardingReturnUrl, testOnboardingUrl } from "@/lib/payments/onboarding-urls";
import { getStripe } from "@/lib/payments/stripe-client";
import { rethrowStripeError } from "@/lib/payments/stripe-errors";
import { requirementsFromAccount } from "@/lib/payments/stripe-requirements";

export interface ConnectOnboarding {
  /** Send the organizer's browser here: Stripe's hosted onboarding, or the test-mode page. */
  url: string;
  testMode: boolean;
}

/** Connect settings per account kind (the `controller` replacement for the deprecated `type`). */
export function accountController(kind: "express" | "standard"): Stripe.AccountCreateParams.Controller {
  if (kind === "standard") return { stripe_dashboard: { type: "full" } };
  return {
    stripe_dashboard: { type: "express" },
    fees: { payer: "application" },
    losses: { payments: "application" },
    requirement_collection: "stripe",
  };
}

interface OrganizerForConnect {
  id: string;
  contactEmail: string;
  stripeAccountId: string | null;
  stripeTestMode: boolean;
}

/** Creates the organizer's connected account (once: the idempotency key is the organizer's) and stores it. */
async function createConnectedAccount(
  stripe: Stripe,
  organizer: OrganizerForConnect,
  actorUserId: string,
): Promise<string> {
  const kind = env.STRIPE_CONNECT_ACCOUNT_KIND;
  let account: Stripe.Account;
  try {
    account = await stripe.accounts.create(
      {
        controller: accountController(kind),
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        email: organizer.contactEmail,
        metadata: { organizer_id: organizer.id },
      },
      { idempotencyKey: `stagedoor:connect-account:${organizer.id}` },
    );
  } catch (error) {
    rethrowStripeError(error);
  }
  const requirements = requirementsFromAccount(account);
  return db.$transaction(async (tx) => {
    // Only replace "no account" or a test-mode stand-in; a concurrent call that stored first wins.
    const { count } = await tx.organizer.updateMany({
      where: {
        id: organizer.id,
        OR: [{ stripeAccountId: null }, { stripeTestMode: true }, { stripeAccountId: account.id }],
      },
      data: {
        stripeAccountId: account.id,
        stripeAccountKind: kind,
        stripeTestMode: false,
        stripeChargesEnabled: account.charges_enabled === true,
        stripePayoutsEnabled: account.payouts_enabled === true,
        stripeDetailsSubmitted: account.details_submitted === true,
        stripeRequirements: { ...requirements },
        stripeSyncedAt: new Date(),
      },
    });
    if (count === 0) {
      const current = await tx.organizer.findUniqueOrThrow({
        where: { id: organizer.id },
        select: { stripeAccountId: true },
      });
      if (current.stripeAccountId) return current.stripeAccountId;
      throw new Error("organizer Stripe account could not be stored");
    }
    await recordAudit(tx, {
      organizerId: organizer.id,
      actorUserId,
      actorType: "user",
      action: "stripe.account_created",
      entityType: "organizer",
      entityId: organizer.id,
      data: { stripeAccountId: account.id, kind, replacedTestAccount: organizer.stripeTestMode },
    });
    return account.id;
  });
}

/**
 * Starts (or resumes) Stripe Connect onboarding for the organizer: creates the connected account the first
 * time, then mints a fresh single-use Account Link. In test mode (no Stripe keys) it returns the built-in
 * onboarding page instead. Used by the connect endpoint and by the link-refresh route.
 */
export async function startConnectOnboarding(
  organizerId: string,
  actorUserId: string,
): Promise<ConnectOnboarding> {
  assertPayoutsEnabled();
  const organizer = await db.organizer.findUnique({
    where: { id: organizerId },
    select: { id: true, contactEmail: true, stripeAccountId: true, stripeTestMode: true },
  });
  if (!organizer) throw AppError.notFound("Organizer not found.");
  const hasRealAccount = organizer.stripeAccountId !== null && !organizer.stripeTestMode;

  const stripe = getStripe();
  if (!stripe) {
    if (hasRealAccount) {
      throw AppError.conflict(
        "This organizer is connected to a real Stripe account, but Stripe is not configured on this server.",
      );
    }
    return { url: testOnboardingUrl(organizer.id), testMode: true };
  }

  const accountId =
    hasRealAccount && organizer.stripeAccountId
      ? organizer.stripeAccountId
      : await createConnectedAccount(stripe, organizer, actorUserId);
  try {
    const link = await stripe.accountLinks.create(
      {
        account: accountId,
        type: "account_onboarding",
        refresh_url: onboardingRefreshUrl(organizer.id),
        return_url: onboardingReturnUrl(),
        collection_options: { fields: "eventually_due" },
      },
      // Links are single-use: each request must mint a new one, so the key is per attempt.
      { idempotencyKey: `stagedoor:account-link:${organizer.id}:${randomUUID()}` },
    );
    return { url: link.url, testMode: false };
  } catch (error) {
    rethrowStripeError(error);
  }
}
