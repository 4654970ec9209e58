import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { revokeDevice } from "@/lib/checkin/revoke-device";

/** DELETE → 204: the device is revoked (told so on its next sync). 404 for another organizer's device. */
export const DELETE = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) => {
    await revokeDevice(organizer.id, params.id, { userId: user.id });
    return null;
  },
);
