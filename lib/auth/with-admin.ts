import "server-only";
import { readSessionUser } from "@/lib/auth/auth";
import type { UserHandler } from "@/lib/auth/with-user";
import { AppError } from "@/lib/errors";
import { apiRoute, type ApiRouteOptions, type RouteContext } from "@/lib/http/route";

/**
 * Platform-admin route handlers. Anyone not in ADMIN_EMAILS, signed in or not, gets the same 404 as for a
 * path that does not exist: the admin surface is not advertised.
 */
export function withAdmin<P = Record<string, string>>(
  handler: UserHandler<P>,
  options: ApiRouteOptions = {},
) {
  return apiRoute<P>(async (request, context: RouteContext<P>) => {
    const user = await readSessionUser(request.headers);
    if (!user?.isAdmin) throw AppError.notFound("Not found.");
    return handler(request, { user, params: await context.params });
  }, options);
}
