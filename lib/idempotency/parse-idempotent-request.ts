// What identifies an Idempotency-Key request (issue 12 §2.3): the key, whose it is, and a fingerprint of the
// request it was first used with. No database access here, so these rules are unit-tested on their own.
import { createHash } from "node:crypto";
import { ACTIVE_ORGANIZER_COOKIE, ACTIVE_ORGANIZER_HEADER } from "@/lib/auth/resolve-active-organizer";
import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";

export interface IdempotentRequest {
  key: string;
  /** sha256 (hex) of the caller's credentials: one caller can never see another's response. */
  principalHash: string;
  method: string;
  /** The path without its query: a query may hold a secret (an order link's `?token=`), hashed instead. */
  path: string;
  /** sha256 (hex) of everything else that makes two requests the same one (see hashRequest). */
  requestHash: string;
}

/**
 * Auth.js's session cookie, under any of its names: `__Secure-` over https, and `.0`, `.1`... when a large
 * value is split in chunks. Only credentials go into the principal; other cookies (the acting organizer) may
 * change between a request and its retry and belong to the request fingerprint.
 */
const SESSION_COOKIE = /^(?:__Secure-|__Host-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * The key from the header value: null when there is none; 1–255 printable ASCII characters (what Stripe and
 * the IETF draft allow in practice, and what fits an index), otherwise a 422 naming the header.
 */
export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  if (!/^[\x20-\x7e]{1,255}$/.test(value))
    throw AppError.validation(IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 printable ASCII characters");
  return value;
}

/**
 * sha256 of the caller's credentials: the session cookie(s), sorted by name, and the Authorization header
 * (scanner devices). Anonymous callers all share the hash of nothing, so for them the key itself is the only
 * secret: clients make it a random UUID (components/ui/api-client.ts).
 */
export function hashPrincipal(headers: Headers): string {
  const sessionCookies = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => SESSION_COOKIE.test(part.slice(0, part.indexOf("="))))
    .sort();
  return sha256(JSON.stringify([sessionCookies, headers.get("authorization") ?? ""]));
}

/**
 * sha256 of the query string, the content type, the organizer the caller acts for (header or cookie) and the
 * body bytes: a repeat must match all of them. A multipart body is hashed with its boundary taken out, since a
 * browser picks a new random boundary each time it sends the same FormData (an upload's retry).
 */
export function hashRequest(request: Request, body: Uint8Array): string {
  const contentType = request.headers.get("content-type") ?? "";
  const boundary = /^multipart\/form-data\b.*;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const organizerCookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${ACTIVE_ORGANIZER_COOKIE}=`));
  const meta = JSON.stringify([
    new URL(request.url).search,
    boundary === undefined ? contentType : contentType.replace(boundary, ""),
    request.headers.get(ACTIVE_ORGANIZER_HEADER) ?? "",
    organizerCookie,
  ]);
  const hash = createHash("sha256").update(meta).update("\0");
  if (boundary === undefined) return hash.update(body).digest("hex");
  // latin1 maps each byte to one character and back, so this removes the boundary and nothing else.
  return hash.update(Buffer.from(body).toString("latin1").split(boundary).join(""), "latin1").digest("hex");
}

/** A write request's idempotency identity, or null when it carries no key (apiRoute asks for writes only). */
export function parseIdempotentRequest(request: Request, body: Uint8Array): IdempotentRequest | null {
  const key = parseIdempotencyKey(request.headers.get(IDEMPOTENCY_KEY_HEADER));
  if (key === null) return null;
  return {
    key,
    principalHash: hashPrincipal(request.headers),
    method: request.method,
    path: new URL(request.url).pathname,
    requestHash: hashRequest(request, body),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
