import "server-only";
import { AppError } from "@/lib/errors";
import { assertEventPublishable } from "@/lib/events/assert-event-publishable";
import type { EventActor } from "@/lib/events/event-actor";
import { changeEventStatus } from "@/lib/events/change-event-status";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

/**
 * draft → published. Needs at least one tier (409 `tiers`), an end in the future (409 `endsAt`), and, when
 * any tier has a price, an organizer whose Stripe account can take charges (409, see assertCanSellPaid).
 * Refused (409) while a platform admin has the organizer suspended or the event unpublished (moderation):
 * only an admin puts a moderated event back (lib/moderation/decide-event-appeal.ts).
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
    const moderation = await tx.event.findFirst({
      where: { id: event.id, organizerId: actor.organizerId },
      select: { moderatedAt: true },
    });
    if (moderation?.moderatedAt) {
      throw AppError.conflict(
        "A platform admin unpublished this event. Edit it and press “Ask for review”: an admin republishes it.",
      );
    }
    const { paidTiers } = await assertEventPublishable(tx, event, now);
    return {
      data: { status: "published", publishedAt: now },
      action: "event.published",
      auditData: { slug: event.slug, paidTiers },
    };
  });
}
