import "server-only";
import type { MemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export interface OrganizerMemberView {
  id: string;
  email: string;
  role: MemberRole;
  /** An invitation not yet claimed by a sign-in with that email. */
  pending: boolean;
  acceptedAt: Date | null;
  invitedAt: Date;
}

/** The organizer's team and pending invitations: owners first, then by email. */
export async function listMembers(organizerId: string): Promise<OrganizerMemberView[]> {
  const rows = await db.organizerMember.findMany({
    where: { organizerId },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, role: true, userId: true, acceptedAt: true, createdAt: true },
  });
  return rows.map(({ userId, createdAt, ...row }) => ({
    ...row,
    pending: userId === null,
    invitedAt: createdAt,
  }));
}
