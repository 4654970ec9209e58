// The one organizer permission check. Every organizer route and page goes through it (via withOrganizer /
// requireOrganizerPage), on every request, so removing a member ends their access at once.
import "server-only";
import type { MemberRole } from "@/lib/auth/roles";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface OrganizerAccess {
  /** `timezone`: the zone organizer-wide times are shown in (each event's own times use the event's). */
  organizer: { id: string; name: string; slug: string; timezone: string };
  role: MemberRole;
}

/**
 * Throws not_found when the user is not an (accepted) member of the organizer — the same answer as for an
 * organizer that does not exist, so ids cannot be probed — and forbidden when the role is not allowed.
 */
export async function assertOrganizerAccess(
  userId: string,
  organizerId: string,
  allowedRoles: readonly MemberRole[],
  options: { db?: Db } = {},
): Promise<OrganizerAccess> {
  const client = options.db ?? defaultDb;
  const membership = await client.organizerMember.findUnique({
    where: { organizerId_userId: { organizerId, userId } },
    select: { role: true, organizer: { select: { id: true, name: true, slug: true, timezone: true } } },
  });
  if (!membership) throw AppError.notFound("Organizer not found.");
  if (!allowedRoles.includes(membership.role)) {
    throw new AppError("forbidden", "Your role in this organizer does not allow this.");
  }
  return { organizer: membership.organizer, role: membership.role };
}
