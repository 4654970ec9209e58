// The organizer's Stripe balance and recent payouts, read from Stripe as their connected account, next to
// what the platform recorded (net to organizer per currency, lib/reports), so they can reconcile. In test
// mode (no Stripe keys, or a test-mode account) no Stripe account exists: the balance shown is a stand-in
// computed from the stored orders (the recorded net, all available, no payouts), and says so.
import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getStripe } from "@/lib/payments/stripe-client";
import { getOrganizerDashboard } from "@/lib/reports/get-organizer-dashboard";
import type { MoneyFigures } from "@/lib/reports/types";

export interface BalanceAmount {
  currency: string;
  amountMinor: number;
}

export interface PayoutSummary {
  id: string;
  amountMinor: number;
  currency: string;
  status: string;
  createdAt: string;
  arrivalDate: string;
}

export interface PayoutOverview {
  /** stripe: read from Stripe; test_mode: computed from stored orders; not_connected: no Stripe account yet. */
  source: "stripe" | "test_mode" | "not_connected";
  available: BalanceAmount[];
  pending: BalanceAmount[];
  payouts: PayoutSummary[];
  /** What the platform recorded for the organizer, per currency (net to organizer and its parts). */
  recorded: MoneyFigures[];
  /** Set when Stripe could not be read; the recorded figures are still there. */
  error: string | null;
}

const toAmounts = (list: readonly { amount: number; currency: string }[]): BalanceAmount[] =>
  list
    .map((b) => ({ currency: b.currency, amountMinor: b.amount }))
    .sort((a, b) => a.currency.localeCompare(b.currency));

const isoOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

export async function getPayoutOverview(organizerId: string): Promise<PayoutOverview> {
  const organizer = await db.organizer.findUnique({
    where: { id: organizerId },
    select: { stripeAccountId: true, stripeTestMode: true },
  });
  if (!organizer) throw AppError.notFound("Organizer not found.");
  const recorded = (await getOrganizerDashboard(organizerId)).totals;
  const stripe = getStripe();
  const account = organizer.stripeAccountId;
  if (!stripe || (account && organizer.stripeTestMode)) {
    return {
      source: "test_mode",
      available: recorded.map((m) => ({ currency: m.currency, amountMinor: m.netMinor })),
      pending: [],
      payouts: [],
      recorded,
      error: null,
    };
  }
  const empty = { available: [], pending: [], payouts: [], recorded };
  if (!account) return { source: "not_connected", ...empty, error: null };
  try {
    const [balance, payouts] = await Promise.all([
      stripe.balance.retrieve({}, { stripeAccount: account }),
      stripe.payouts.list({ limit: 10 }, { stripeAccount: account }),
    ]);
    return {
      source: "stripe",
      available: toAmounts(balance.available),
      pending: toAmounts(balance.pending),
      payouts: payouts.data.map((p) => ({
        id: p.id,
        amountMinor: p.amount,
        currency: p.currency,
        status: p.status,
        createdAt: isoOf(p.created),
        arrivalDate: isoOf(p.arrival_date),
      })),
      recorded,
      error: null,
    };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    log.warn(
      { event: "tickets.payments.balance_unavailable", organizerId, err: error.message },
      "could not read the connected account's balance",
    );
    return {
      source: "stripe",
      ...empty,
      error: "Stripe could not be reached for your balance just now; the recorded figures below are ours.",
    };
  }
}
