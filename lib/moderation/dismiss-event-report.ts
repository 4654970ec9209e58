import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A platform admin closes a report without acting on the event; 404 unknown, 409 when already closed. */
export async function dismissEventReport(
  adminUserId: string,
  reportId: string,
  now = new Date(),
): Promise<{ id: string; status: "dismissed" }> {
  return db.$transaction(async (tx) => {
    const report = await tx.eventReport.findUnique({
      where: { id: reportId },
      select: { id: true, eventId: true, organizerId: true },
    });
    if (!report) throw AppError.notFound("Report not found.");
    const closed = await tx.eventReport.updateMany({
      where: { id: report.id, status: "open" },
      data: { status: "dismissed", resolvedAt: now, resolvedBy: adminUserId },
    });
    if (closed.count === 0) throw AppError.conflict("This report is already closed.");
    await recordAudit(tx, {
      organizerId: report.organizerId,
      actorUserId: adminUserId,
      actorType: "admin",
      action: "tickets.report.dismissed",
      entityType: "event",
      entityId: report.eventId,
      data: { reportId: report.id },
    });
    return { id: report.id, status: "dismissed" };
  });
}
