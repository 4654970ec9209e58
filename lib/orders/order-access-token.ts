// The buyer's key to an order's passes page: a random token in the link, only its sha256 stored
// (tickets_orders.access_token_hash). Anyone holding the link sees the order; nobody can rebuild the link
// from the database.
import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { db as defaultDb, type Db, type OrderStatus } from "@/lib/db";
import { env } from "@/lib/env";
import { sha256Hex } from "@/lib/tickets/signing";

/** 32 random bytes, base64url: 43 characters. Older tokens (e.g. demo data) may be shorter. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface OrderAccessToken {
  /** Goes in the buyer's link; never stored. */
  token: string;
  /** sha256 hex of the token: what the order row stores. */
  hash: string;
}

/** A random token (32 bytes, base64url): a link that cannot be rebuilt (test fixtures, older orders). */
export function createOrderAccessToken(): OrderAccessToken {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOrderAccessToken(token) };
}

/**
 * The order's derived token: HMAC-SHA256 of the order id (and, after a rotation, the link version
 * `orders.access_link_version`) under a key derived from AUTH_SECRET, base64url (43 characters, as
 * unguessable as a random one without the secret). A later process — the Stripe webhook queueing the
 * confirmation, a refund email — can rebuild it from the order row alone, so every email carries the link
 * that works and nothing secret is stored. Rotating the link (rotateOrderAccessLink) moves to the next
 * version. Changing AUTH_SECRET changes every derived token: orderLinkForEmail then moves the order on.
 */
export function orderAccessTokenFor(orderId: string, version = 0): OrderAccessToken {
  const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "stagedoor", "order-access-token", 32));
  const message = version === 0 ? orderId : `${orderId}:${version}`;
  const token = createHmac("sha256", key).update(message, "utf8").digest("base64url");
  return { token, hash: hashOrderAccessToken(token) };
}

export function hashOrderAccessToken(token: string): string {
  return sha256Hex(token);
}

/** The passes page for an order, with the buyer's token: `${APP_URL}/tickets/order/<id>?token=<token>`. */
export function orderPassesUrl(orderId: string, token: string): string {
  const url = new URL(`/tickets/order/${encodeURIComponent(orderId)}`, env.APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}

/** True when `token` hashes to `storedHash`; compares in constant time. */
export function orderAccessTokenMatches(token: string, storedHash: string): boolean {
  if (!TOKEN_PATTERN.test(token)) return false;
  const given = Buffer.from(hashOrderAccessToken(token), "utf8");
  const stored = Buffer.from(storedHash, "utf8");
  // Both are 64 hex characters for real rows; a malformed stored value simply never matches.
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface OrderByAccessToken {
  id: string;
  organizerId: string;
  eventId: string;
  status: OrderStatus;
}

/**
 * The order when `token` is its access token, else null (unknown order, wrong or malformed token: the same
 * answer, so a caller cannot tell an existing order from a missing one).
 */
export async function findOrderByAccessToken(
  orderId: string,
  token: string | null | undefined,
  options: { db?: Db } = {},
): Promise<OrderByAccessToken | null> {
  if (!token || !TOKEN_PATTERN.test(token) || orderId.length === 0 || orderId.length > 64) return null;
  const client = options.db ?? defaultDb;
  const order = await client.order.findUnique({
    where: { id: orderId },
    select: { id: true, organizerId: true, eventId: true, status: true, accessTokenHash: true },
  });
  if (!order || !orderAccessTokenMatches(token, order.accessTokenHash)) return null;
  return { id: order.id, organizerId: order.organizerId, eventId: order.eventId, status: order.status };
}
