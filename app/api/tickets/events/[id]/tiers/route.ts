import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { readJson } from "@/lib/http/route";
import { createTier } from "@/lib/tiers/create-tier";
import { listEventTiers } from "@/lib/tiers/list-event-tiers";
import { createTierSchema } from "@/lib/tiers/tier-rules";

/** GET → { event, tiers } with sold / held / remaining per tier. Owners and managers; 404 for others' events. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  listEventTiers(organizer.id, params.id),
);

/** POST tier fields → 201 with the tier; 422 naming bad fields, 409 for a cancelled/archived event. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const input = await readJson(request, createTierSchema);
    return createTier(organizer.id, params.id, input, { actorUserId: user.id });
  },
  { status: 201 },
);
