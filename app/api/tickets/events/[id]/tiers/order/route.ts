import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { reorderTiers } from "@/lib/tiers/reorder-tiers";
import { reorderTiersSchema } from "@/lib/tiers/tier-rules";

/** PUT { tierIds: [every tier, in the new order] } → { event, tiers } in that order. */
export const PUT = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const input = await readJson(request, reorderTiersSchema);
    return reorderTiers(organizer.id, params.id, input, { actorUserId: user.id });
  },
);
