import { quoteDiscount, quoteQuerySchema } from "@/lib/checkout/quote-discount";
import { recordQuoteFailure } from "@/lib/fraud/record-checkout-failure";
import { apiRoute, clientIp, perIpLimit, readQuery } from "@/lib/http/route";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/**
 * Public: prices the event's tiers with a discount code. Rate-limited per IP and refused codes count toward
 * the discount-code guessing signal, as at checkout.
 */
export const GET = apiRoute(async (request) => {
  const ip = clientIp(request);
  await assertRateLimits(perIpLimit(ip, "quote:ip", { limit: 20, windowMs: 60_000 }));
  const query = readQuery(request, quoteQuerySchema);
  try {
    return await quoteDiscount(query);
  } catch (error) {
    await recordQuoteFailure({ ip, eventId: query.eventId, error });
    throw error;
  }
});
