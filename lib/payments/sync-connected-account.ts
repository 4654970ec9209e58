import "server-only";
import type Stripe from "stripe";
import { recordAudit, type AuditActorType } from "@/lib/audit/record-audit";
import { db, type StripeAccountKind } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  parseStoredRequirements,
  requirementsFromAccount,
  type StoredRequirements,
} from "@/lib/payments/stripe-requirements";

export interface ConnectedAccountState {
  organizerId: string;
  stripeAccountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: StoredRequirements;
  /** False when the account looked exactly as already stored. */
  changed: boolean;
}

export interface SyncOptions {
  actorType?: AuditActorType;
  actorUserId?: string | null;
  /** Where the account came from, for the audit entry: return page, re-check, webhook, … */
  source?: string;
}

/** Express / Standard from the account's controller settings (or the deprecated `type`). */
export function accountKindOf(
  account: Pick<Stripe.Account, "controller" | "type">,
): StripeAccountKind | null {
  const dashboard = account.controller?.stripe_dashboard?.type;
  if (dashboard === "full" || account.type === "standard") return "standard";
  if (dashboard === "express" || account.type === "express") return "express";
  return null;
}

function sameRequirements(a: StoredRequirements, b: StoredRequirements): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Persists a connected account's readiness (charges, payouts, details submitted, requirements) on the
 * organizer it belongs to. `account` must be the truth (re-fetched from Stripe, or a test-mode account), and
 * must be the organizer's own account: a different account id is not_found, so one organizer's sync can
 * never write another's. An audit entry records every change.
 */
export async function syncConnectedAccount(
  organizerId: string,
  account: Stripe.Account,
  options: SyncOptions = {},
): Promise<ConnectedAccountState> {
  const requirements = requirementsFromAccount(account);
  const next = {
    chargesEnabled: account.charges_enabled === true,
    payoutsEnabled: account.payouts_enabled === true,
    detailsSubmitted: account.details_submitted === true,
  };
  const kind = accountKindOf(account);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        stripe_charges_enabled: boolean;
        stripe_payouts_enabled: boolean;
        stripe_details_submitted: boolean;
        stripe_requirements: unknown;
      }[]
    >`
      SELECT stripe_charges_enabled, stripe_payouts_enabled, stripe_details_submitted, stripe_requirements
      FROM tickets_organizers WHERE id = ${organizerId} AND stripe_account_id = ${account.id}
      FOR UPDATE`;
    const before = rows[0];
    if (!before) throw AppError.notFound("That Stripe account is not connected to this organizer.");
    const previous = {
      chargesEnabled: before.stripe_charges_enabled,
      payoutsEnabled: before.stripe_payouts_enabled,
      detailsSubmitted: before.stripe_details_submitted,
    };
    const changed =
      previous.chargesEnabled !== next.chargesEnabled ||
      previous.payoutsEnabled !== next.payoutsEnabled ||
      previous.detailsSubmitted !== next.detailsSubmitted ||
      !sameRequirements(parseStoredRequirements(before.stripe_requirements), requirements);
    await tx.organizer.update({
      where: { id: organizerId },
      data: {
        stripeChargesEnabled: next.chargesEnabled,
        stripePayoutsEnabled: next.payoutsEnabled,
        stripeDetailsSubmitted: next.detailsSubmitted,
        stripeRequirements: { ...requirements },
        stripeSyncedAt: new Date(),
        ...(kind ? { stripeAccountKind: kind } : {}),
      },
    });
    if (changed) {
      await recordAudit(tx, {
        organizerId,
        actorUserId: options.actorUserId ?? null,
        actorType: options.actorType ?? "stripe",
        action: "stripe.account_updated",
        entityType: "organizer",
        entityId: organizerId,
        data: {
          source: options.source ?? "sync",
          before: previous,
          after: next,
          currentlyDue: requirements.currently_due,
          pastDue: requirements.past_due,
          disabledReason: requirements.disabled_reason,
        },
      });
    }
    return { organizerId, stripeAccountId: account.id, ...next, requirements, changed };
  });
}
