// "Report this event" from a public event page: anyone may file one, so it is rate-limited per IP (when the
// IP is known, see clientIp) and per event (so a flood without a known IP is still bounded). Stored for
// platform admins (/tickets/admin/reports); the organizer is not told.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { perIpLimit } from "@/lib/http/route";
import { eventReportSchema } from "@/lib/moderation/moderation-rules";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

export const EVENT_REPORT_LIMITS = {
  perIp: { limit: 5, windowMs: 60 * 60_000 },
  perEvent: { limit: 100, windowMs: 60 * 60_000 },
} as const;

/** 422 naming the field; 404 for an event that is not public; 429 with Retry-After over a limit. */
export async function createEventReport(
  eventId: string,
  input: unknown,
  context: { ip: string | null },
): Promise<{ id: string }> {
  const report = parseInput(eventReportSchema, input);
  const event = await db.event.findFirst({
    where: { id: eventId, status: { in: ["published", "cancelled"] } },
    select: { id: true, organizerId: true },
  });
  if (!event) throw AppError.notFound("Event not found.");
  await assertRateLimits([
    ...perIpLimit(context.ip, "event-report:ip", EVENT_REPORT_LIMITS.perIp),
    { key: `event-report:event:${event.id}`, rule: EVENT_REPORT_LIMITS.perEvent },
  ]);
  return db.$transaction(async (tx) => {
    const created = await tx.eventReport.create({
      data: {
        eventId: event.id,
        organizerId: event.organizerId,
        category: report.category,
        details: report.details,
        email: report.email ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizerId: event.organizerId,
      actorType: "system",
      action: "tickets.report.filed",
      entityType: "event",
      entityId: event.id,
      data: { reportId: created.id, category: report.category },
    });
    return created;
  });
}
