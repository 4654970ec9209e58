import { apiRoute, clientIp, readJson } from "@/lib/http/route";
import { requestOrderLinks, requestOrderLinksSchema } from "@/lib/orders/request-order-links";

/**
 * POST { email } → 202 with the same body for any address (the links are emailed only when it bought
 * something); 422 naming `email`; 429 with Retry-After, per IP (when known) and per address.
 */
export const POST = apiRoute(
  async (request) => {
    const input = await readJson(request, requestOrderLinksSchema);
    return requestOrderLinks(input, { ip: clientIp(request) });
  },
  { status: 202 },
);
