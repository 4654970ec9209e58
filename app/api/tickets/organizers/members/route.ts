import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { inviteMember, inviteMemberSchema } from "@/lib/organizers/invite-member";
import { listMembers } from "@/lib/organizers/list-members";

/** GET → the team and pending invitations (owners and managers; scanners see check-in only). */
export const GET = withOrganizer(ROLES.team, async (_request, { organizer }) => ({
  members: await listMembers(organizer.id),
}));

/** POST { email, role } (owners) → 201 with the invitation; the email is queued. */
export const POST = withOrganizer(
  ROLES.owner,
  async (request, { user, organizer }) => {
    const input = await readJson(request, inviteMemberSchema);
    return inviteMember({ userId: user.id, email: user.email, organizerId: organizer.id }, input);
  },
  { status: 201 },
);
