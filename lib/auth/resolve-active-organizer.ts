// Which organizer a request acts for: the `x-organizer-id` header, else the `stagedoor_org` cookie, else the
// user's first membership. The answer is then checked by assertOrganizerAccess.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";

export const ACTIVE_ORGANIZER_COOKIE = "stagedoor_org";
export const ACTIVE_ORGANIZER_HEADER = "x-organizer-id";

/** Attributes of the active-organizer cookie (it only selects; access is checked on every request). */
export function activeOrganizerCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: new URL(env.APP_URL).protocol === "https:",
    maxAge: 365 * 24 * 60 * 60,
  };
}

/** A Set-Cookie header value selecting `organizerId`, for route handlers. */
export function activeOrganizerSetCookie(organizerId: string): string {
  const o = activeOrganizerCookieOptions();
  return [
    `${ACTIVE_ORGANIZER_COOKIE}=${encodeURIComponent(organizerId)}`,
    `Path=${o.path}`,
    `Max-Age=${o.maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(o.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Reads one cookie from a Cookie header. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The organizer id to check, or null when the user belongs to none. An explicit header is returned as is
 * (a non-member then gets not_found from the access check); a cookie naming an organizer the user no
 * longer belongs to is ignored in favour of their first membership.
 */
export async function resolveActiveOrganizerId(
  userId: string,
  selection: { header?: string | null; cookie?: string | null },
  options: { db?: Db } = {},
): Promise<string | null> {
  if (selection.header) return selection.header;
  const client = options.db ?? defaultDb;
  if (selection.cookie) {
    const member = await client.organizerMember.findUnique({
      where: { organizerId_userId: { organizerId: selection.cookie, userId } },
      select: { organizerId: true },
    });
    if (member) return member.organizerId;
  }
  const first = await client.organizerMember.findFirst({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { organizerId: true },
  });
  return first?.organizerId ?? null;
}
