import "server-only";
import { countDiscountUses } from "@/lib/discounts/count-discount-uses";
import type { DiscountSummary } from "@/lib/discounts/discount-rules";
import { DISCOUNT_SELECT, toDiscountSummary } from "@/lib/discounts/to-discount-summary";
import { db, type EventStatus } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface EventDiscountList {
  event: { id: string; currency: string; timezone: string; status: EventStatus };
  discounts: DiscountSummary[];
}

/** The organizer's event's codes, newest first, with their use counts. 404 for another organizer's event. */
export async function listEventDiscounts(organizerId: string, eventId: string): Promise<EventDiscountList> {
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId },
    select: { id: true, currency: true, timezone: true, status: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  const rows = await db.discount.findMany({
    where: { eventId: event.id, event: { organizerId } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: DISCOUNT_SELECT,
  });
  const uses = await countDiscountUses(
    db,
    rows.map((r) => r.id),
  );
  return { event, discounts: rows.map((r) => toDiscountSummary(r, uses.get(r.id))) };
}
