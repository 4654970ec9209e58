// What the organizer portal and API see of one event: every editable field (times as ISO instants), plus
// tier and sales counts. Shared by getOrganizerEvent and the use-cases that return the event they changed.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import type { EventStatus, FeeModel } from "@/lib/events/event-rules";
import { countSeatsTaken } from "@/lib/events/count-seats-taken";
import { eventDetailsSelect, type EventPlace } from "@/lib/events/event-display";
import { taxLinesSchema, type TaxLinesSetting } from "@/lib/money/schemas";

export const organizerEventSelect = {
  ...eventDetailsSelect,
  organizerId: true,
  publishedAt: true,
  cancelledAt: true,
  allowRefundsUntil: true,
  stripeTaxEnabled: true,
  venueLatitude: true,
  venueLongitude: true,
  transfersEnabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.EventSelect;

export type EventRow = Prisma.EventGetPayload<{ select: typeof organizerEventSelect }>;

/** JSON-safe: the API returns it and the portal's client components receive it as props. */
export interface OrganizerEvent extends EventPlace {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  currency: string;
  coverImageUrl: string | null;
  status: EventStatus;
  publishedAt: string | null;
  cancelledAt: string | null;
  allowRefundsUntil: string | null;
  feeModel: FeeModel;
  taxes: TaxLinesSetting;
  stripeTaxEnabled: boolean;
  venueLatitude: number | null;
  venueLongitude: number | null;
  /** Buyers may send tickets on until the start. */
  transfersEnabled: boolean;
  createdAt: string;
  updatedAt: string;
  tierCount: number;
  /** Valid tickets. */
  ticketsSold: number;
  /** Valid tickets plus unexpired holds: what capacity may not go below. */
  seatsTaken: number;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function parseStoredTaxes(value: unknown): TaxLinesSetting {
  const parsed = taxLinesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The event as the organizer sees it, with counts read through `client` (a transaction or the db). */
export async function toOrganizerEvent(client: Db, row: EventRow): Promise<OrganizerEvent> {
  // Sequential: `client` may be a transaction (one connection).
  const tierCount = await client.tier.count({ where: { eventId: row.id } });
  const ticketsSold = await client.ticket.count({
    where: { eventId: row.id, organizerId: row.organizerId, status: "valid" },
  });
  const seatsTaken = await countSeatsTaken(client, row.id);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    description: row.description,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    venueLatitude: row.venueLatitude,
    venueLongitude: row.venueLongitude,
    city: row.city,
    region: row.region,
    country: row.country,
    timezone: row.timezone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    currency: row.currency,
    coverImageUrl: row.coverImageUrl,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
    allowRefundsUntil: iso(row.allowRefundsUntil),
    feeModel: row.feeModel,
    taxes: parseStoredTaxes(row.taxes),
    stripeTaxEnabled: row.stripeTaxEnabled,
    transfersEnabled: row.transfersEnabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    tierCount,
    ticketsSold,
    seatsTaken,
  };
}
