import "server-only";
import { AppError } from "@/lib/errors";
import type { EventActor } from "@/lib/events/event-actor";
import { changeEventStatus } from "@/lib/events/change-event-status";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";
import { assertCanSellPaid } from "@/lib/payments/assert-can-sell-paid";

/**
 * draft → published. Needs at least one tier (409 `tiers`), an end in the future (409 `endsAt`), and, when
 * any tier has a price, an organizer whose Stripe account can take charges (409, see assertCanSellPaid).
 */
export async function publishEvent(
  actor: EventActor,
  eventId: string,
  now = new Date(),
): Promise<OrganizerEvent> {
  return changeEventStatus(actor, eventId, now, async (tx, event) => {
    if (event.status === "published") throw AppError.conflict("This event is already published.");
    if (event.status !== "draft")
      throw AppError.conflict(`This event is ${event.status} and cannot be published.`);
    if (event.endsAt.getTime() <= now.getTime()) {
      throw AppError.conflict(
        "This event has already ended; move its end into the future to publish it.",
        "endsAt",
      );
    }
    const tiers = await tx.tier.findMany({ where: { eventId: event.id }, select: { priceMinor: true } });
    if (tiers.length === 0)
      throw AppError.conflict("Add at least one ticket tier before publishing.", "tiers");
    if (tiers.some((t) => t.priceMinor > 0)) {
      const organizer = await tx.organizer.findUnique({
        where: { id: actor.organizerId },
        select: { stripeAccountId: true, stripeChargesEnabled: true, stripeTestMode: true },
      });
      if (!organizer) throw AppError.notFound("Organizer not found.");
      assertCanSellPaid(organizer);
    }
    return {
      data: { status: "published", publishedAt: now },
      action: "event.published",
      auditData: { slug: event.slug, paidTiers: tiers.filter((t) => t.priceMinor > 0).length },
    };
  });
}
