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
