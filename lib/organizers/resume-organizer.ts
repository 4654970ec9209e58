import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrganizer } from "@/lib/organizers/lock-organizer";
import type { OrganizerSuspension } from "@/lib/organizers/suspend-organizer";

/** Lifts a suspension (sales and publishing allowed again); 409 when the organizer is not suspended. */
export async function resumeOrganizer(
  adminUserId: string,
  organizerId: string,
): Promise<OrganizerSuspension> {
  return db.$transaction(async (tx) => {
    const organizer = await lockOrganizer(tx, organizerId);
    if (organizer.status !== "suspended") throw AppError.conflict("This organizer is not suspended.");
    const updated = await tx.organizer.update({
      where: { id: organizerId },
      data: { status: "active", suspensionReason: null, suspendedAt: null },
      select: { id: true, status: true, suspensionReason: true, suspendedAt: true },
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: adminUserId,
      actorType: "admin",
      action: "tickets.organizer.resumed",
      entityType: "organizer",
      entityId: organizerId,
      data: { previousReason: organizer.suspensionReason },
    });
    return { ...updated, suspendedAt: null };
  });
}
