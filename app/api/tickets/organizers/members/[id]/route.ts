import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { removeMember } from "@/lib/organizers/remove-member";

/** DELETE (owners) → 204; 404 for a member of another organizer; 409 for the last owner. */
export const DELETE = withOrganizer<{ id: string }>(
  ROLES.owner,
  async (_request, { user, organizer, params }) => {
    await removeMember({ userId: user.id, organizerId: organizer.id }, params.id);
    return null;
  },
);
