import { requestMagicLink, requestMagicLinkSchema } from "@/lib/auth/request-magic-link";
import { apiRoute, clientIp, readJson } from "@/lib/http/route";

/** POST { email, callbackUrl? } → { ok: true } for any address; 422 naming `email`; 429 with Retry-After. */
export const POST = apiRoute(async (request) => {
  const input = await readJson(request, requestMagicLinkSchema);
  return requestMagicLink(input, { ip: clientIp(request) });
});
