import "server-only";
import { readSessionUser, type SessionUser } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { apiRoute, type ApiRouteOptions, type RouteContext } from "@/lib/http/route";

export type UserHandler<P> = (
  request: Request,
  ctx: { user: SessionUser; params: P },
) => Promise<Response | object | null>;

/** The signed-in user of a route-handler request; AppError unauthorized (401) when signed out. */
export async function requireRequestUser(request: Request): Promise<SessionUser> {
  const user = await readSessionUser(request.headers);
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/** For signed-in routes that are not about one organizer (e.g. creating an organizer). */
export function withUser<P = Record<string, string>>(handler: UserHandler<P>, options: ApiRouteOptions = {}) {
  return apiRoute<P>(async (request, context: RouteContext<P>) => {
    const user = await requireRequestUser(request);
    return handler(request, { user, params: await context.params });
  }, options);
}
