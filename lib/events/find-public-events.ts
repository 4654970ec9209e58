import "server-only";
import { db } from "@/lib/db";

/** Upcoming published events (never the admin self-test's), soonest first, optionally in one city (case-insensitive) or by one organizer. */
export async function findPublicEvents(filter: { city?: string; organizer?: string } = {}, now = new Date()) {
  return db.event.findMany({
    where: {
      status: "published",
      endsAt: { gt: now },
      organizer: {
        status: "active",
        selfTest: false,
        ...(filter.organizer ? { slug: filter.organizer } : {}),
      },
      ...(filter.city ? { city: { equals: filter.city, mode: "insensitive" } } : {}),
    },
    orderBy: { startsAt: "asc" },
    take: 100,
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      venueName: true,
      city: true,
      region: true,
      timezone: true,
      startsAt: true,
      coverImageUrl: true,
      organizer: { select: { name: true } },
    },
  });
}

/** Cities with upcoming published events, for the filter. */
export async function findPublicEventCities(now = new Date()): Promise<string[]> {
  const rows = await db.event.findMany({
    where: { status: "published", endsAt: { gt: now }, organizer: { status: "active", selfTest: false } },
    distinct: ["city"],
    select: { city: true },
    orderBy: { city: "asc" },
  });
  return rows.map((r) => r.city);
}
