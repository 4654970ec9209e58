// What the orders page's filters offer: the organizer's events (newest first) with their tiers, and the
// organizer's zone (day bounds across all events are read in it).
import "server-only";
import { db } from "@/lib/db";

export interface OrderFilterOptions {
  timeZone: string;
  events: { id: string; title: string; timezone: string; tiers: { id: string; name: string }[] }[];
}

export async function listOrderFilterOptions(organizerId: string): Promise<OrderFilterOptions> {
  const organizer = await db.organizer.findUniqueOrThrow({
    where: { id: organizerId },
    select: {
      timezone: true,
      events: {
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          timezone: true,
          tiers: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } },
        },
      },
    },
  });
  return { timeZone: organizer.timezone, events: organizer.events };
}
