import { z } from "zod";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { recordCheckoutFailure } from "@/lib/fraud/record-checkout-failure";
import { apiRoute, clientIp, perIpLimit, readJson } from "@/lib/http/route";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/** Public write: rate-limited per IP. The body is validated and priced on the server. Refusals count
 * toward fraud signals (logged for admins, never blocking). */
export const POST = apiRoute(
  async (request) => {
    const ip = clientIp(request);
    await assertRateLimits(perIpLimit(ip, "checkout:ip", { limit: 30, windowMs: 60_000 }));
    const body = await readJson(request, z.unknown());
    try {
      return await createCheckoutSession(body);
    } catch (error) {
      await recordCheckoutFailure({ ip, body, error });
      throw error;
    }
  },
  { status: 201 },
);
