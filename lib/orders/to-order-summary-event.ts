// The event as the passes pages show it (the order's, and a transfer recipient's): one select, one mapping.
import "server-only";
import type { Prisma } from "@/lib/db";
import { eventDisplaySelect } from "@/lib/events/event-display";
import { formatEventTime } from "@/lib/events/format-event-time";
import type { OrderSummaryEvent } from "@/lib/orders/order-summary";

export const orderSummaryEventSelect = {
  id: true,
  ...eventDisplaySelect,
  coverImageUrl: true,
  transfersEnabled: true,
  organizer: { select: { name: true } },
} as const satisfies Prisma.EventSelect;

export function toOrderSummaryEvent(
  event: Prisma.EventGetPayload<{ select: typeof orderSummaryEventSelect }>,
): OrderSummaryEvent {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    organizerName: event.organizer.name,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    city: event.city,
    region: event.region,
    country: event.country,
    timezone: event.timezone,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    startsAtLocal: formatEventTime(event.startsAt, event.timezone),
    endsAtLocal: formatEventTime(event.endsAt, event.timezone),
    coverImageUrl: event.coverImageUrl,
    transfersEnabled: event.transfersEnabled,
  };
}
