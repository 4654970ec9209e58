import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  describeDisabledReason,
  describeRequirements,
  parseStoredRequirements,
} from "@/lib/payments/stripe-requirements";

export interface PaymentsStatus {
  connected: boolean;
  /** Connected to a test-mode stand-in account: no real money moves. */
  testMode: boolean;
  accountKind: "express" | "standard" | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** What Stripe still needs, in plain words. */
  currentlyDue: string[];
  pastDue: string[];
  eventuallyDue: string[];
  pendingVerification: string[];
  disabledReason: string | null;
  /** When requirements currently due must be in by, if Stripe set a deadline. */
  deadline: Date | null;
  syncedAt: Date | null;
  /** Onboarding is not finished: show "Continue onboarding". */
  needsOnboarding: boolean;
}

/** The organizer's Stripe status for the portal (never the account id). */
export async function getPaymentsStatus(organizerId: string): Promise<PaymentsStatus> {
  const row = await db.organizer.findUnique({
    where: { id: organizerId },
    select: {
      stripeAccountId: true,
      stripeAccountKind: true,
      stripeTestMode: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
      stripeRequirements: true,
      stripeSyncedAt: true,
    },
  });
  if (!row) throw AppError.notFound("Organizer not found.");
  const requirements = parseStoredRequirements(row.stripeRequirements);
  const connected = row.stripeAccountId !== null;
  const currentlyDue = describeRequirements(requirements.currently_due);
  const pastDue = describeRequirements(requirements.past_due);
  return {
    connected,
    testMode: connected && row.stripeTestMode,
    accountKind: connected ? row.stripeAccountKind : null,
    chargesEnabled: row.stripeChargesEnabled,
    payoutsEnabled: row.stripePayoutsEnabled,
    detailsSubmitted: row.stripeDetailsSubmitted,
    currentlyDue,
    pastDue,
    eventuallyDue: describeRequirements(
      requirements.eventually_due.filter((f) => !requirements.currently_due.includes(f)),
    ),
    pendingVerification: describeRequirements(requirements.pending_verification),
    disabledReason: describeDisabledReason(requirements.disabled_reason),
    deadline: requirements.current_deadline ? new Date(requirements.current_deadline * 1000) : null,
    syncedAt: row.stripeSyncedAt,
    needsOnboarding:
      !connected ||
      !row.stripeDetailsSubmitted ||
      requirements.currently_due.length > 0 ||
      requirements.past_due.length > 0,
  };
}
