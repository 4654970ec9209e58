import { ROLES } from "@/lib/auth/roles";
import { withOrganizer } from "@/lib/auth/with-organizer";
import { createDeviceRequestSchema } from "@/lib/checkin/contract";
import { createDevice } from "@/lib/checkin/create-device";
import { listEventDevices } from "@/lib/checkin/list-event-devices";
import { readJson } from "@/lib/http/route";

/** GET → { devices } with status, last seen and scan counts. Owners and managers; 404 for others' events. */
export const GET = withOrganizer<{ id: string }>(ROLES.manage, async (_request, { organizer, params }) =>
  listEventDevices(organizer.id, params.id),
);

/** POST { name } → 201 { device, provisioningUrl, expiresAt }: a single-use scanner link, valid 24 h. */
export const POST = withOrganizer<{ id: string }>(
  ROLES.manage,
  async (request, { user, organizer, params }) => {
    const input = await readJson(request, createDeviceRequestSchema);
    return createDevice(organizer.id, params.id, input, { userId: user.id });
  },
  { status: 201 },
);
