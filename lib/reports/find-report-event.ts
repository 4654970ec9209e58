import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReportEvent } from "@/lib/reports/types";

export const reportEventSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timezone: true,
  currency: true,
  createdAt: true,
  publishedAt: true,
} as const;

export function toReportEvent(row: {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  currency: string;
}): ReportEvent {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timezone: row.timezone,
    currency: row.currency,
  };
}

/** The organizer's event for a report; 404 when it does not exist or is another organizer's. */
export async function findReportEvent(client: Db, organizerId: string, eventId: string) {
  const event = await client.event.findFirst({
    where: { id: eventId, organizerId },
    select: reportEventSelect,
  });
  if (!event) throw AppError.notFound("Event not found.");
  return event;
}
