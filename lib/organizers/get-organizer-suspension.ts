import "server-only";
import { db } from "@/lib/db";

/** The organizer's suspension (reason and since when), or null while it is active. */
export async function getOrganizerSuspension(
  organizerId: string,
): Promise<{ reason: string; since: string | null } | null> {
  const row = await db.organizer.findUnique({
    where: { id: organizerId },
    select: { status: true, suspensionReason: true, suspendedAt: true },
  });
  if (!row || row.status !== "suspended") return null;
  return { reason: row.suspensionReason ?? "", since: row.suspendedAt?.toISOString() ?? null };
}
