import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Removes a member or withdraws an invitation. The organizer row is locked first so two owners removing
 * each other at the same time cannot leave it without an owner: removing the last (accepted) owner is a
 * 409. Access ends at once because membership is checked on every request. Owner-only: the caller checks.
 */
export async function removeMember(
  actor: { userId: string; organizerId: string },
  memberId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM tickets_organizers WHERE id = ${actor.organizerId} FOR UPDATE`;
    const member = await tx.organizerMember.findFirst({
      where: { id: memberId, organizerId: actor.organizerId },
      select: { id: true, email: true, role: true, userId: true },
    });
    if (!member) throw AppError.notFound("Member not found.");
    if (member.role === "owner" && member.userId) {
      const owners = await tx.organizerMember.count({
        where: { organizerId: actor.organizerId, role: "owner", userId: { not: null } },
      });
      if (owners <= 1) {
        throw AppError.conflict("An organizer needs at least one owner. Invite another owner first.");
      }
    }
    await tx.organizerMember.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      organizerId: actor.organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: member.userId ? "member.removed" : "member.invitation_withdrawn",
      entityType: "organizer_member",
      entityId: member.id,
      data: { email: member.email, role: member.role },
    });
  });
}
