import "server-only";
import type { MemberRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export interface UserOrganizer {
  id: string;
  name: string;
  slug: string;
  role: MemberRole;
}

/** The organizers a user belongs to (accepted memberships), oldest membership first. */
export async function listUserOrganizers(userId: string): Promise<UserOrganizer[]> {
  const rows = await db.organizerMember.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, organizer: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map((r) => ({ ...r.organizer, role: r.role }));
}
