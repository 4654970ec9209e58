// The event fields every buyer-facing view shows (title, venue, place and times), selected one way.
import type { Prisma } from "@/lib/db";

export const eventDisplaySelect = {
  slug: true,
  title: true,
  venueName: true,
  venueAddress: true,
  city: true,
  region: true,
  country: true,
  timezone: true,
  startsAt: true,
  endsAt: true,
} as const satisfies Prisma.EventSelect;

/** The event page's own fields: what both the public page and the organizer portal read of an event. */
export const eventDetailsSelect = {
  id: true,
  ...eventDisplaySelect,
  summary: true,
  description: true,
  capacity: true,
  currency: true,
  status: true,
  coverImageUrl: true,
  feeModel: true,
  taxes: true,
} as const satisfies Prisma.EventSelect;

/** Where an event takes place and the time zone its times are shown in, as every view of it carries them. */
export interface EventPlace {
  venueName: string;
  venueAddress: string | null;
  city: string;
  region: string | null;
  country: string;
  /** IANA name, e.g. America/Vancouver. */
  timezone: string;
}
