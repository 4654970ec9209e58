import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertOrganizerActive } from "@/lib/organizers/assert-organizer-active";
import { assertCanSellPaid } from "@/lib/payments/assert-can-sell-paid";

/**
 * What any publication needs, the organizer's own (publishEvent) or an admin's restore after moderation:
 * an active organizer (409 while suspended), an end in the future (409 `endsAt`), at least one tier (409
 * `tiers`), and, when a tier has a price, a Stripe account that can take charges (assertCanSellPaid). Runs
 * inside the caller's transaction, with the event locked. Returns the number of paid tiers.
 */
export async function assertEventPublishable(
  tx: Db,
  event: { id: string; organizerId: string; endsAt: Date },
  now: Date,
): Promise<{ paidTiers: number }> {
  await assertOrganizerActive(
    tx,
    event.organizerId,
    "The organizer is suspended by the platform: events cannot be published until it is resumed.",
  );
  if (event.endsAt.getTime() <= now.getTime()) {
    throw AppError.conflict(
      "This event has already ended; move its end into the future to publish it.",
      "endsAt",
    );
  }
  const tiers = await tx.tier.findMany({ where: { eventId: event.id }, select: { priceMinor: true } });
  if (tiers.length === 0) throw AppError.conflict("Add at least one ticket tier before publishing.", "tiers");
  const paidTiers = tiers.filter((t) => t.priceMinor > 0).length;
  if (paidTiers > 0) {
    const organizer = await tx.organizer.findUnique({
      where: { id: event.organizerId },
      select: { stripeAccountId: true, stripeChargesEnabled: true, stripeTestMode: true },
    });
    if (!organizer) throw AppError.notFound("Organizer not found.");
    assertCanSellPaid(organizer);
  }
  return { paidTiers };
}
