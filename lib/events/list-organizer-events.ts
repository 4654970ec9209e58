import "server-only";
import { db } from "@/lib/db";
import type { EventStatus } from "@/lib/events/event-rules";

export interface OrganizerEventSummary {
  id: string;
  slug: string;
  title: string;
  status: EventStatus;
  timezone: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  city: string;
  currency: string;
  tierCount: number;
  ticketsSold: number;
  /** The event-wide cap, else the sum of the tiers' capacities; null with neither. */
  capacity: number | null;
}

/** The organizer's events, latest start first, with tier counts and valid tickets sold. */
export async function listOrganizerEvents(organizerId: string): Promise<OrganizerEventSummary[]> {
  const [events, sold] = await Promise.all([
    db.event.findMany({
      where: { organizerId },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        timezone: true,
        startsAt: true,
        endsAt: true,
        venueName: true,
        city: true,
        currency: true,
        capacity: true,
        tiers: { select: { capacity: true } },
      },
    }),
    db.ticket.groupBy({ by: ["eventId"], where: { organizerId, status: "valid" }, _count: true }),
  ]);
  const soldByEvent = new Map(sold.map((s) => [s.eventId, s._count]));
  return events.map(({ tiers, capacity, startsAt, endsAt, ...event }) => ({
    ...event,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    tierCount: tiers.length,
    ticketsSold: soldByEvent.get(event.id) ?? 0,
    capacity: capacity ?? (tiers.length > 0 ? tiers.reduce((sum, t) => sum + t.capacity, 0) : null),
  }));
}
