// The organizer and event rows every test set-up starts from, as plain data with no database client:
// lib/testing/factories.ts writes them through the app's client, lib/inventory/testing/fixtures.ts through
// whichever client its process holds (the two-process proof runs it outside vitest). Keep this file free of
// runtime imports beyond node so both can load it.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db";

/** A short random suffix for slugs and other unique columns. */
export const uniqueSuffix = () => randomBytes(4).toString("hex");

/** An organizer in Vancouver that sells in CAD, named after its slug (no members). */
export function organizerRow(slug: string) {
  return {
    name: slug,
    slug,
    contactEmail: `hello@${slug}.example`,
    defaultCurrency: "cad",
    timezone: "America/Vancouver",
  };
}

/** A published event in Vancouver in June 2030, in CAD, with no taxes; any column can be overridden. */
export function eventRow(
  organizerId: string,
  overrides: Partial<Omit<Prisma.EventUncheckedCreateInput, "organizerId">> = {},
): Prisma.EventUncheckedCreateInput {
  return {
    slug: `event-${uniqueSuffix()}`,
    title: "Night Show",
    venueName: "The Loft",
    city: "Vancouver",
    country: "CA",
    timezone: "America/Vancouver",
    startsAt: new Date("2030-06-01T03:00:00Z"),
    endsAt: new Date("2030-06-01T06:00:00Z"),
    currency: "cad",
    status: "published",
    ...overrides,
    organizerId,
  };
}
