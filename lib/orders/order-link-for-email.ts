// The passes link an email about an order carries: the order's derived token for its current link version,
// rebuilt from the row (only the token's hash is stored).
import "server-only";
import type { Db } from "@/lib/db";
import {
  orderAccessTokenFor,
  orderAccessTokenMatches,
  orderPassesUrl,
  type OrderAccessToken,
} from "@/lib/orders/order-access-token";

export interface OrderLinkForEmail {
  token: string;
  url: string;
  /** True when the order moved to a new link version (any earlier link now answers 404). */
  rotated: boolean;
}

/**
 * The derived token of the order's link version while the stored hash matches it; otherwise (a random token
 * from older data, or AUTH_SECRET changed) the next version's token replaces the stored hash in `tx`. Call
 * inside the transaction that queues the email, with the order locked (lockOrder), so a new hash commits
 * together with the message that carries it.
 */
export async function orderLinkForEmail(tx: Db, orderId: string): Promise<OrderLinkForEmail> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { accessTokenHash: true, accessLinkVersion: true },
  });
  const current = orderAccessTokenFor(orderId, order.accessLinkVersion);
  if (orderAccessTokenMatches(current.token, order.accessTokenHash)) return linkOf(orderId, current, false);
  return linkOf(orderId, await moveToNextLinkVersion(tx, orderId, order.accessLinkVersion), true);
}

/** Stores the hash of the next version's token (the previous link stops opening the order) and returns it. */
export async function moveToNextLinkVersion(
  tx: Db,
  orderId: string,
  currentVersion: number,
): Promise<OrderAccessToken> {
  const next = orderAccessTokenFor(orderId, currentVersion + 1);
  await tx.order.update({
    where: { id: orderId },
    data: { accessTokenHash: next.hash, accessLinkVersion: currentVersion + 1 },
  });
  return next;
}

function linkOf(orderId: string, { token }: OrderAccessToken, rotated: boolean): OrderLinkForEmail {
  return { token, url: orderPassesUrl(orderId, token), rotated };
}
