import { z } from "zod";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { apiRoute, clientIp, readJson } from "@/lib/http/route";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/** Public write: rate-limited per IP. The body is validated and priced on the server. */
export const POST = apiRoute(
  async (request) => {
    await assertRateLimits([
      { key: `checkout:ip:${clientIp(request)}`, rule: { limit: 30, windowMs: 60_000 } },
    ]);
    return createCheckoutSession(await readJson(request, z.unknown()));
  },
  { status: 201 },
);
