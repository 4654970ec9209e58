import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { deleteTier } from "@/lib/tiers/delete-tier";
import { updateTierSchema } from "@/lib/tiers/tier-rules";
import { updateTier } from "@/lib/tiers/update-tier";

/** PATCH some tier fields → the tier; e.g. { visibility: "hidden" } stops sales without deleting. */
export const PATCH = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const patch = await readJson(request, updateTierSchema);
    return updateTier(organizer.id, params.id, patch, { actorUserId: user.id });
  },
);

/** DELETE → 204; 409 when the tier has sales ("hide it instead"). */
export const DELETE = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (_request, { user, organizer, params }) => {
    await deleteTier(organizer.id, params.id, { actorUserId: user.id });
    return null;
  },
);
