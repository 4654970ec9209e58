// Test helpers: real users with real database sessions, sent the way a browser sends them.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** The session cookie name Auth.js uses for APP_URL (http in tests, so no __Secure- prefix). */
export const SESSION_COOKIE = "authjs.session-token";

export async function createUserWithSession(email: string): Promise<{ userId: string; cookie: string }> {
  const user = await db.user.create({ data: { email, emailVerified: new Date() } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 60 * 60_000) },
  });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

/** The origin tests run the app at (APP_URL's default): browsers send it as `Origin` on every write. */
export const TEST_ORIGIN = "http://localhost:3000";

/**
 * A Request as the browser would send it to one of our route handlers: same-origin, so with `Origin` set to
 * APP_URL's origin (what a page of the app sends, also when a test points APP_URL elsewhere).
 */
export function apiRequest(
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (!headers.has("origin")) headers.set("origin", new URL(env.APP_URL).origin);
  return new Request(new URL(path, TEST_ORIGIN), {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** Route handlers' second argument. */
export function routeContext<P extends object = Record<string, string>>(
  params = {} as P,
): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}
