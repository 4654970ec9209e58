import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";

/** GET → the active organizer's profile, Stripe status and the caller's role. */
export const GET = withOrganizer(ROLES.any, async (_request, { organizer, role }) => {
  const profile = await getOrganizerProfile(organizer.id);
  return { ...profile, role };
});
