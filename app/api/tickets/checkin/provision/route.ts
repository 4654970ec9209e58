import { provisionRequestSchema } from "@/lib/checkin/contract";
import { provisionDevice } from "@/lib/checkin/provision-device";
import { apiRoute, clientIp, perIpLimit, readJson } from "@/lib/http/route";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/** POST { token } → { deviceToken, device, event }; 404 for a used, expired or unknown link. Public, 20/10 min per IP. */
export const POST = apiRoute(async (request) => {
  await assertRateLimits(
    perIpLimit(clientIp(request), "checkin-provision", { limit: 20, windowMs: 10 * 60_000 }),
  );
  const { token } = await readJson(request, provisionRequestSchema);
  return provisionDevice(token);
});
