import { withAdmin } from "@/lib/auth/with-admin";
import { readJson } from "@/lib/http/route";
import { capacityOverrideSchema, overrideTierCapacity } from "@/lib/tiers/override-tier-capacity";

/**
 * POST { capacity, note } (platform admins) → the tier with its sold/held/remaining. 422 without a note or
 * below the seats taken, 409 for a cancelled or archived event, 404 unknown tier.
 */
export const POST = withAdmin<{ id: string }>(async (request, { user, params }) =>
  overrideTierCapacity(params.id, await readJson(request, capacityOverrideSchema), {
    actorUserId: user.id,
  }),
);
