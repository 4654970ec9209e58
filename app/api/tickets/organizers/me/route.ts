import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getOrganizerForMember } from "@/lib/organizers/get-organizer-profile";

/** GET → the caller's role and the active organizer: its profile and Stripe status, or only its name for a scanner. */
export const GET = withOrganizer(ROLES.any, async (_request, { organizer, role }) =>
  getOrganizerForMember({ organizer, role }),
);
