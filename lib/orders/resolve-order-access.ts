// Who may see an order: the buyer holding its access token, or a signed-in owner/manager of the organizer
// that sold it. Anyone else gets the same "not found" as for an order that does not exist.
import "server-only";
import { assertOrganizerAccess } from "@/lib/auth/assert-organizer-access";
import { ROLES } from "@/lib/auth/roles";
import { db as defaultDb, type Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { findOrderByAccessToken } from "@/lib/orders/order-access-token";

/**
 * "token": the buyer's link; "organizer": a signed-in owner or manager (`userId`), who may also fetch ticket
 * codes for support, each fetch audited (lib/tickets/get-ticket-qr-code.ts). Scanners never get here.
 */
export type OrderAccess = { orderId: string; organizerId: string } & (
  { via: "token" } | { via: "organizer"; userId: string }
);

export interface OrderAccessRequest {
  orderId: string;
  token?: string | null;
  /**
   * The signed-in user's id, when there is one; or a function answering it, called only when the token does
   * not open the order (so a buyer's request never costs a session lookup).
   */
  userId?: string | null | (() => Promise<string | null>);
}

/** The caller's access to the order, or null. Never distinguishes "missing" from "not yours". */
export async function resolveOrderAccess(
  request: OrderAccessRequest,
  options: { db?: Db } = {},
): Promise<OrderAccess | null> {
  const client = options.db ?? defaultDb;
  const byToken = await findOrderByAccessToken(request.orderId, request.token, { db: client });
  if (byToken) return { orderId: byToken.id, organizerId: byToken.organizerId, via: "token" };
  if (!request.userId || request.orderId.length === 0 || request.orderId.length > 64) return null;
  const userId = typeof request.userId === "function" ? await request.userId() : request.userId;
  if (!userId) return null;

  const order = await client.order.findUnique({
    where: { id: request.orderId },
    select: { id: true, organizerId: true },
  });
  if (!order) return null;
  try {
    // Orders are the managers' business (lib/auth/roles.ts); scanners look tickets up through check-in.
    await assertOrganizerAccess(userId, order.organizerId, ROLES.manage, { db: client });
  } catch (error) {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) return null;
    throw error;
  }
  return { orderId: order.id, organizerId: order.organizerId, via: "organizer", userId };
}
