// A platform admin suspends an organizer: no new sales (createCheckoutSession), no publishing (publishEvent),
// and a banner with the reason in their portal. Published events stay listed under it as "not on sale";
// tickets already sold stay valid. Resuming (resumeOrganizer) undoes it.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { adminReasonSchema } from "@/lib/moderation/moderation-rules";
import { lockOrganizer } from "@/lib/organizers/lock-organizer";

export interface OrganizerSuspension {
  id: string;
  status: "active" | "suspended";
  suspensionReason: string | null;
  suspendedAt: string | null;
}

/** 422 without a reason; 404 for an unknown organizer; 409 when it is already suspended. */
export async function suspendOrganizer(
  adminUserId: string,
  organizerId: string,
  input: unknown,
  now = new Date(),
): Promise<OrganizerSuspension> {
  const { reason } = parseInput(adminReasonSchema, input);
  return db.$transaction(async (tx) => {
    const organizer = await lockOrganizer(tx, organizerId);
    if (organizer.status === "suspended") throw AppError.conflict("This organizer is already suspended.");
    const updated = await tx.organizer.update({
      where: { id: organizerId },
      data: { status: "suspended", suspensionReason: reason, suspendedAt: now },
      select: { id: true, status: true, suspensionReason: true, suspendedAt: true },
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: adminUserId,
      actorType: "admin",
      action: "tickets.organizer.suspended",
      entityType: "organizer",
      entityId: organizerId,
      data: { reason },
    });
    return { ...updated, suspendedAt: updated.suspendedAt?.toISOString() ?? null };
  });
}
