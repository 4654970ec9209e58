import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { apiRoute, clientIp } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/** Public write: rate-limited per IP. The body is validated and priced on the server. */
export const POST = apiRoute(
  async (request) => {
    await assertRateLimits([
      { key: `checkout:ip:${clientIp(request)}`, rule: { limit: 30, windowMs: 60_000 } },
    ]);
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new AppError("validation", "The request body is not valid JSON.", {
        fields: [{ field: "body", message: "must be valid JSON" }],
      });
    }
    return createCheckoutSession(body);
  },
  { status: 201 },
);
