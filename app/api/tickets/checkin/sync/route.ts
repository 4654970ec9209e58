import { authenticateDevice } from "@/lib/checkin/authenticate-device";
import { syncQuerySchema, uploadScansRequestSchema } from "@/lib/checkin/contract";
import { getSyncSnapshot } from "@/lib/checkin/get-sync-snapshot";
import { uploadScans } from "@/lib/checkin/upload-scans";
import { apiRoute, readJson, readQuery } from "@/lib/http/route";

/** GET ?cursor&limit → one page of the event's check-in data (device token). */
export const GET = apiRoute(async (request) => {
  const device = await authenticateDevice(request);
  const query = readQuery(request, syncQuerySchema);
  return getSyncSnapshot(device, query);
});

/**
 * POST { scans, since?, cursor? } → { results, recentAdmissions, revocations, serverTime } (device token).
 * Up to MAX_SCANS_PER_UPLOAD scans: 5,000 scans of typical codes are about 1.5 MB, hence the 8 MB limit.
 */
export const POST = apiRoute(
  async (request) => {
    const device = await authenticateDevice(request);
    const input = await readJson(request, uploadScansRequestSchema);
    return uploadScans(device, input);
  },
  { maxBodyBytes: 8 * 1024 * 1024 },
);
