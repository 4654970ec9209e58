import { z } from "zod";
import { assertOrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { ROLES } from "@/lib/auth/roles";
import { readSessionUser } from "@/lib/auth/auth";
import { activeOrganizerSetCookie } from "@/lib/auth/resolve-active-organizer";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { PAYMENTS_PAGE_PATH } from "@/lib/payments/onboarding-urls";
import { startConnectOnboarding } from "@/lib/payments/start-connect-onboarding";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  organizer: z
    .string()
    .min(1)
    .max(100)
    .refine((id) => !id.includes("\u0000")),
});

function redirectTo(location: string, setCookie?: string): Response {
  const headers = new Headers({
    location: new URL(location, env.APP_URL).toString(),
    "cache-control": "no-store",
  });
  if (setCookie) headers.set("set-cookie", setCookie);
  return new Response(null, { status: 303, headers });
}

/**
 * GET ?organizer=… → Stripe's refresh_url: the onboarding link expired or was already used, so mint a new one
 * and send the browser there. A browser navigation, so failures redirect (to login, or to the Payments page
 * with a notice) instead of answering JSON. Only the organizer's owner may continue its onboarding.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return redirectTo(`${PAYMENTS_PAGE_PATH}?link_error=1`);
  const user = await readSessionUser(request.headers);
  if (!user) {
    // Back to the Payments page after signing in (login only returns to /tickets paths).
    return redirectTo(`/tickets/login?${new URLSearchParams({ callbackUrl: PAYMENTS_PAGE_PATH })}`);
  }
  try {
    const { organizer } = await assertOrganizerAccess(user.id, query.data.organizer, ROLES.owner);
    const { url: next } = await startConnectOnboarding(organizer.id, user.id);
    // Stripe returns to the Payments page, which shows the active organizer: make it this one.
    return redirectTo(next, activeOrganizerSetCookie(organizer.id));
  } catch (error) {
    if (!isAppError(error)) {
      log.error(
        {
          event: "tickets.payments.refresh_link_failed",
          err: error instanceof Error ? error.message : error,
        },
        "could not mint a new onboarding link",
      );
    }
    const code = isAppError(error) ? error.code : "internal";
    return redirectTo(`${PAYMENTS_PAGE_PATH}?link_error=${encodeURIComponent(code)}`);
  }
}
