// Guards for server components and layouts: they redirect instead of answering problem+json.
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/auth";
import { assertOrganizerAccess, type OrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { isSafeCallbackPath } from "@/lib/auth/callback-url";
import { claimInvitations } from "@/lib/auth/claim-invitations";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { ACTIVE_ORGANIZER_COOKIE, resolveActiveOrganizerId } from "@/lib/auth/resolve-active-organizer";
import { ROLES, type MemberRole } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";

export function loginPath(callbackUrl: string): string {
  const safe = isSafeCallbackPath(callbackUrl) ? callbackUrl : "/tickets/account";
  return `/tickets/login?${new URLSearchParams({ callbackUrl: safe })}`;
}

/** The signed-in user, or a redirect to the login page that comes back to `callbackUrl`. */
export async function requireUserPage(callbackUrl = "/tickets/account"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath(callbackUrl));
  return user;
}

/** The user's access to the active organizer (any role), once per request; null when they have none. */
const getActiveOrganizerAccess = cache(
  async (userId: string, email: string): Promise<OrganizerAccess | null> => {
    // An existing user invited since their last sign-in gets the invitation here, without signing in again.
    await claimInvitations(userId, email);
    const cookieStore = await cookies();
    const organizerId = await resolveActiveOrganizerId(userId, {
      cookie: cookieStore.get(ACTIVE_ORGANIZER_COOKIE)?.value,
    });
    if (!organizerId) return null;
    try {
      return await assertOrganizerAccess(userId, organizerId, ROLES.any);
    } catch (error) {
      // Membership vanished between the two queries: treat as no organizer.
      if (isAppError(error) && error.code === "not_found") return null;
      throw error;
    }
  },
);

export interface OrganizerPageContext extends OrganizerAccess {
  user: SessionUser;
}

/**
 * For organizer pages and the portal layout: signed out → login (coming back to `callbackUrl`); no
 * organizer → /tickets/organizer/new; a role not in `allowedRoles` → the portal overview with a notice.
 */
export async function requireOrganizerPage(
  allowedRoles: readonly MemberRole[],
  options: { callbackUrl?: string } = {},
): Promise<OrganizerPageContext> {
  const user = await requireUserPage(options.callbackUrl ?? "/tickets/organizer");
  const access = await getActiveOrganizerAccess(user.id, user.email);
  if (!access) redirect("/tickets/organizer/new");
  if (!allowedRoles.includes(access.role)) redirect("/tickets/organizer?denied=1");
  return { user, ...access };
}

/** Platform admin pages and their layout: anyone not in ADMIN_EMAILS, signed in or not, gets the 404 page. */
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user?.isAdmin) notFound();
  return user;
}
