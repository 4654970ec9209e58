import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertPayoutsEnabled } from "@/lib/payments/assert-payouts-enabled";
import { isStripeTestMode } from "@/lib/payments/stripe-client";
import { NO_REQUIREMENTS } from "@/lib/payments/stripe-requirements";
import { testModeStripeId } from "@/lib/payments/test-mode-stripe-id";

/** 404 unless the server runs without Stripe keys: the test-mode pages do not exist next to real Stripe. */
export function assertStripeTestMode(): void {
  if (!isStripeTestMode()) throw AppError.notFound();
}

export function isTestAccountId(accountId: string): boolean {
  return accountId.startsWith("acct_test_");
}

/**
 * Test mode's stand-in for finishing Stripe onboarding: connects the organizer to a test account
 * (`acct_test_…`, no real Stripe account behind it) that can take charges and payouts. Keeps an existing test
 * account id; refuses to replace a real Stripe account.
 */
export async function completeTestOnboarding(
  organizerId: string,
  actorUserId: string,
): Promise<{ stripeAccountId: string }> {
  assertStripeTestMode();
  assertPayoutsEnabled();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ stripe_account_id: string | null; stripe_test_mode: boolean }[]>`
      SELECT stripe_account_id, stripe_test_mode FROM tickets_organizers WHERE id = ${organizerId} FOR UPDATE`;
    const organizer = rows[0];
    if (!organizer) throw AppError.notFound("Organizer not found.");
    if (organizer.stripe_account_id && !organizer.stripe_test_mode) {
      throw AppError.conflict("This organizer is already connected to a real Stripe account.");
    }
    const stripeAccountId = organizer.stripe_account_id ?? testModeStripeId("acct");
    await tx.organizer.update({
      where: { id: organizerId },
      data: {
        stripeAccountId,
        stripeAccountKind: env.STRIPE_CONNECT_ACCOUNT_KIND,
        stripeTestMode: true,
        stripeChargesEnabled: true,
        stripePayoutsEnabled: true,
        stripeDetailsSubmitted: true,
        stripeRequirements: { ...NO_REQUIREMENTS },
        stripeSyncedAt: new Date(),
      },
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId,
      actorType: "user",
      action: "stripe.test_onboarding_completed",
      entityType: "organizer",
      entityId: organizerId,
      data: { stripeAccountId, testMode: true },
    });
    return { stripeAccountId };
  });
}
