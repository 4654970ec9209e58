// Where a sign-in may send the user afterwards: only a same-origin path inside the ticketing module.
import { z } from "zod";

export const DEFAULT_CALLBACK_PATH = "/tickets/account";

const PLACEHOLDER_ORIGIN = "https://stagedoor.invalid";

/** True for a relative path like `/tickets/organizer?x=1`; false for anything that could leave the site. */
export function isSafeCallbackPath(value: string): boolean {
  if (value.length > 2000 || !value.startsWith("/") || value.startsWith("//")) return false;
  if (/[\\\s\u0000-\u001f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return false;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return false;
  return url.pathname === "/tickets" || url.pathname.startsWith("/tickets/");
}

export const callbackPathSchema = z
  .string()
  .trim()
  .refine(isSafeCallbackPath, { error: "must be a path on this site starting with /tickets" });

/**
 * Auth.js `redirect` callback: absolute URLs on our origin and relative paths are allowed when they stay
 * under /tickets; anything else falls back to the account page.
 */
export function resolveRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let target: URL;
  try {
    target = new URL(url, baseUrl);
  } catch {
    return `${baseUrl}${DEFAULT_CALLBACK_PATH}`;
  }
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (target.origin === new URL(baseUrl).origin && isSafeCallbackPath(path)) return `${target.origin}${path}`;
  return `${new URL(baseUrl).origin}${DEFAULT_CALLBACK_PATH}`;
}
