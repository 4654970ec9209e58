import "server-only";
import { requireRequestUser, type UserHandler } from "@/lib/auth/with-user";
import { AppError } from "@/lib/errors";
import { apiRoute, type ApiRouteOptions, type RouteContext } from "@/lib/http/route";

/** Platform-admin route handlers: 401 when signed out, 403 for anyone not in ADMIN_EMAILS. */
export function withAdmin<P = Record<string, string>>(
  handler: UserHandler<P>,
  options: ApiRouteOptions = {},
) {
  return apiRoute<P>(async (request, context: RouteContext<P>) => {
    const user = await requireRequestUser(request);
    if (!user.isAdmin) throw new AppError("forbidden", "Platform admins only.");
    return handler(request, { user, params: await context.params });
  }, options);
}
