// Auth.js (next-auth v5): magic links only, database sessions, Prisma adapter over our one client.
//
// Tokens: Auth.js stores sha256(token + secret) in tickets_verification_tokens (never the token in the link)
// and the Prisma adapter *deletes* the row when the link is used (`useVerificationToken`), so a link works
// once; expiry is `maxAge` (15 minutes). Users are created only when a link is used, not when one is asked
// for. See lib/auth/auth.test.ts, which checks all of this against the database.
import "server-only";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import type { EmailConfig } from "@auth/core/providers/email";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthConfig, NextAuthResult, Session } from "next-auth";
import { z } from "zod";
import { claimInvitations } from "@/lib/auth/claim-invitations";
import { canonicalEmail } from "@/lib/auth/email";
import { resolveRedirect } from "@/lib/auth/callback-url";
import { isPlatformAdmin } from "@/lib/auth/is-platform-admin";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

declare module "@auth/core/types" {
  interface User {
    /** Set by our session callback from ADMIN_EMAILS. */
    isAdmin?: boolean;
  }
}

export const AUTH_BASE_PATH = "/api/tickets/auth";
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  from: env.EMAIL_FROM,
  options: {},
  // The same spelling our limiter keys on; the route refuses ambiguous input before Auth.js sees it.
  normalizeIdentifier(identifier) {
    const email = canonicalEmail(identifier);
    if (email === null) throw new Error("Invalid email address format.");
    return email;
  },
  async sendVerificationRequest({ identifier, url }) {
    // Rendered now, delivered by the email worker; the identifier is already canonicalEmail's.
    await queueEmail({
      to: identifier,
      template: "magic-link",
      props: { url, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 },
    });
  },
};

/** Client-safe errors (a used or expired link) are expected; log them quietly. */
const EXPECTED_AUTH_ERRORS = new Set(["Verification", "AccessDenied", "MissingCSRF"]);

export const authConfig: NextAuthConfig = {
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "database" },
  basePath: AUTH_BASE_PATH,
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Decided by APP_URL, not by each request's scheme, so cookie names agree everywhere (see readSessionUser).
  useSecureCookies: new URL(env.APP_URL).protocol === "https:",
  pages: {
    signIn: "/tickets/login",
    verifyRequest: "/tickets/login/check-email",
    error: "/tickets/login/error",
  },
  providers: [emailProvider],
  callbacks: {
    redirect: resolveRedirect,
    // The session row includes the session token: build a fresh object with only what the app needs.
    session({ session, user }) {
      const expires = new Date((session as { expires: Date | string }).expires).toISOString();
      return {
        expires,
        user: { id: user.id, email: user.email, isAdmin: isPlatformAdmin(user.email) },
      } satisfies Session;
    },
  },
  events: {
    async signIn({ user }) {
      // Every sign-in (not only the first): an existing user may have been invited since the last one.
      if (!user.id || !user.email) return;
      try {
        const claimed = await claimInvitations(user.id, user.email);
        if (claimed > 0) log.info({ event: "tickets.auth.invitations_claimed", userId: user.id, claimed });
      } catch (err) {
        log.error(
          { event: "tickets.auth.claim_invitations_failed", userId: user.id, err },
          "could not claim invitations",
        );
      }
    },
  },
  logger: {
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (EXPECTED_AUTH_ERRORS.has(type))
        log.info({ event: "tickets.auth.rejected", type }, "sign-in rejected");
      else log.error({ event: "tickets.auth.error", type, err: error.message }, "auth error");
    },
    warn(code) {
      log.warn({ event: "tickets.auth.warning", code }, "auth warning");
    },
    debug() {},
  },
};

/**
 * Auth.js's HTTP endpoints (callback, session, signout, csrf, ...) for app/api/tickets/auth/[...nextauth].
 * These call @auth/core's `Auth` with our config, exactly as next-auth's `handlers` do; next-auth only
 * adds an AUTH_URL/NEXTAUTH_URL host override, which the route replaces by always re-addressing requests to
 * APP_URL. Built on core so the route can be exercised in tests (next-auth's own modules import
 * `next/server` without an extension and cannot load outside Next's bundler).
 */
export const handlers = {
  GET: (request: Request): Promise<Response> => Auth(request, authConfig),
  POST: (request: Request): Promise<Response> => Auth(request, authConfig),
};

// next-auth's helpers read cookies through `next/headers`: for server components and server actions only.
// Loaded on first use (see above for why it is not imported at module load).
let nextAuth: Promise<NextAuthResult> | undefined;
function getNextAuth(): Promise<NextAuthResult> {
  nextAuth ??= import("next-auth").then((m) => m.default(authConfig));
  return nextAuth;
}

/** next-auth's `auth()` for server components (prefer `getCurrentUser()` from lib/auth/get-current-user). */
export async function auth(): Promise<Session | null> {
  return (await getNextAuth()).auth();
}

/** next-auth's `signIn` (server actions). For magic links use `sendSignInLink` / `requestMagicLink`. */
export async function signIn(
  provider: string,
  options: { redirectTo?: string; redirect?: boolean } & Record<string, unknown> = {},
): Promise<unknown> {
  return (await getNextAuth()).signIn(provider, options);
}

/** next-auth's `signOut` (server actions): deletes the session row and clears the cookie, then redirects. */
export async function signOut(options: { redirectTo?: string; redirect?: boolean } = {}): Promise<unknown> {
  return (await getNextAuth()).signOut(options);
}

/** An absolute URL for an Auth.js action on our own origin (APP_URL), never the caller's Host header. */
export function authActionUrl(action: string): URL {
  return new URL(`${AUTH_BASE_PATH}/${action}`, env.APP_URL);
}

/**
 * Starts the e-mail sign-in: creates the hashed token and queues the magic-link email. This is what
 * `signIn("email", { email, redirect: false, redirectTo })` does (a POST to Auth.js with the CSRF check
 * skipped), minus its reliance on `next/headers`, so it also runs outside a Next request (tests, jobs).
 * The link's origin is always APP_URL.
 */
export async function sendSignInLink(email: string, callbackUrl: string): Promise<void> {
  const request = new Request(authActionUrl("signin/email"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl }),
  });
  const result = await Auth(request, { ...authConfig, raw, skipCSRFCheck });
  const redirect = (result as { redirect?: string } | undefined)?.redirect ?? "";
  if (!redirect.includes("/verify-request")) {
    throw new Error(`Auth.js did not start the email sign-in (redirected to ${redirect || "nowhere"})`);
  }
}

const sessionBodySchema = z.object({
  user: z.object({ id: z.string().min(1), email: z.string().min(1), isAdmin: z.boolean() }),
});

export interface SessionUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

/**
 * The signed-in user for a request's cookies, through Auth.js's own session endpoint (expiry checked,
 * expired rows deleted, sliding expiry updated in the database). Works for route handlers (pass
 * `request.headers`) and server components (pass `await headers()`).
 */
export async function readSessionUser(headers: Headers): Promise<SessionUser | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const response = await Auth(new Request(authActionUrl("session"), { headers: { cookie } }), authConfig);
  if (!response.ok) return null;
  const parsed = sessionBodySchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.user : null;
}
