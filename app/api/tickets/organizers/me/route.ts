import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { getOrganizerForMember } from "@/lib/organizers/get-organizer-profile";
import { organizerSettingsSchema, updateOrganizerSettings } from "@/lib/organizers/update-organizer-settings";

/** GET → the caller's role and the active organizer: its profile and Stripe status, or only its name for a scanner. */
export const GET = withOrganizer(ROLES.any, async (_request, { organizer, role }) =>
  getOrganizerForMember({ organizer, role }),
);

/** PATCH { attachTicketsPdf } (owner) → the organizer's settings after the change; audited. */
export const PATCH = withOrganizer(ROLES.owner, async (request, { organizer, user }) =>
  updateOrganizerSettings(
    { userId: user.id, organizerId: organizer.id },
    await readJson(request, organizerSettingsSchema),
  ),
);
