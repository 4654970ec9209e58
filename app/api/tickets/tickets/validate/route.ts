import { authenticateDevice } from "@/lib/checkin/authenticate-device";
import { validateRequestSchema } from "@/lib/checkin/contract";
import { validateScan } from "@/lib/checkin/validate-scan";
import { apiRoute, readJson } from "@/lib/http/route";

/** POST { code, nonce, scannedAt } → the server's definitive result for one live scan (device token). */
export const POST = apiRoute(async (request) => {
  const device = await authenticateDevice(request);
  const input = await readJson(request, validateRequestSchema);
  return validateScan(device, input);
});
