// The wrapper for every organizer route handler: authenticate, pick the active organizer, check the role,
// then call the handler with the tenant to put in every query (`where: { id, organizerId: ctx.organizer.id }`).
import "server-only";
import type { SessionUser } from "@/lib/auth/auth";
import { assertOrganizerAccess, type OrganizerAccess } from "@/lib/auth/assert-organizer-access";
import {
  ACTIVE_ORGANIZER_COOKIE,
  ACTIVE_ORGANIZER_HEADER,
  readCookie,
  resolveActiveOrganizerId,
} from "@/lib/auth/resolve-active-organizer";
import type { MemberRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { apiRoute, type ApiRouteOptions, type RouteContext } from "@/lib/http/route";
import { requireRequestUser } from "@/lib/auth/with-user";

export interface OrganizerContext<P> extends OrganizerAccess {
  user: SessionUser;
  params: P;
}

export type OrganizerHandler<P> = (
  request: Request,
  ctx: OrganizerContext<P>,
) => Promise<Response | object | null>;

/** Resolves and checks the organizer a request acts for (see resolveActiveOrganizerId). */
export async function resolveOrganizerAccess(
  request: Request,
  userId: string,
  allowedRoles: readonly MemberRole[],
): Promise<OrganizerAccess> {
  const organizerId = await resolveActiveOrganizerId(userId, {
    header: request.headers.get(ACTIVE_ORGANIZER_HEADER)?.trim(),
    cookie: readCookie(request.headers.get("cookie"), ACTIVE_ORGANIZER_COOKIE),
  });
  if (!organizerId) throw AppError.notFound("You are not a member of any organizer yet.");
  return assertOrganizerAccess(userId, organizerId, allowedRoles);
}

export function withOrganizer<P = Record<string, string>>(
  allowedRoles: readonly MemberRole[],
  handler: OrganizerHandler<P>,
  options: ApiRouteOptions = {},
) {
  return apiRoute<P>(async (request, context: RouteContext<P>) => {
    const user = await requireRequestUser(request);
    const access = await resolveOrganizerAccess(request, user.id, allowedRoles);
    const params = await context.params;
    return handler(request, { user, ...access, params });
  }, options);
}
