import { quoteDiscount, quoteQuerySchema } from "@/lib/checkout/quote-discount";
import { apiRoute, clientIp, readQuery } from "@/lib/http/route";
import { assertRateLimits } from "@/lib/rate-limit/consume-rate-limit";

/** Public: prices the event's tiers with a discount code. Rate-limited per IP (codes must not be guessable). */
export const GET = apiRoute(async (request) => {
  await assertRateLimits([{ key: `quote:ip:${clientIp(request)}`, rule: { limit: 20, windowMs: 60_000 } }]);
  return quoteDiscount(readQuery(request, quoteQuerySchema));
});
