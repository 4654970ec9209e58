import "server-only";
import { readSessionUser } from "@/lib/auth/auth";
import type { UserHandler } from "@/lib/auth/with-user";
import { AppError } from "@/lib/errors";
import { apiRoute, type ApiRouteOptions, type RouteContext } from "@/lib/http/route";

/**
 * Platform-admin route handlers: 404 for anyone who is not a signed-in platform admin (ADMIN_EMAILS), signed
 * out included, so the admin API is indistinguishable from routes that do not exist.
 */
export function withAdmin<P = Record<string, string>>(
  handler: UserHandler<P>,
  options: ApiRouteOptions = {},
) {
  return apiRoute<P>(async (request, context: RouteContext<P>) => {
    const user = await readSessionUser(request.headers);
    if (!user?.isAdmin) throw AppError.notFound();
    return handler(request, { user, params: await context.params });
  }, options);
}
