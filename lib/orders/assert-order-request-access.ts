// Order access for a route handler: the `?token=` first; only without a valid token is the session read.
import "server-only";
import { z } from "zod";
import { readSessionUser } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { resolveOrderAccess, type OrderAccess } from "@/lib/orders/resolve-order-access";

/** `?token=`: optional, since organizer members come with their session instead. */
export const orderTokenQuerySchema = z.object({
  token: z.string().trim().max(256).optional(),
});

/** 404 (never 403) when neither the token nor the caller's membership opens the order. */
export async function assertOrderRequestAccess(
  request: Request,
  orderId: string,
  token: string | undefined,
): Promise<OrderAccess> {
  const access = await resolveOrderAccess({ orderId, token, userId: sessionUserIdOf(request) });
  if (!access) throw AppError.notFound("Order not found.");
  return access;
}

/** A lazy lookup of the request's signed-in user id (see OrderAccessRequest.userId). */
export function sessionUserIdOf(request: Request): () => Promise<string | null> {
  return async () => (await readSessionUser(request.headers))?.id ?? null;
}
