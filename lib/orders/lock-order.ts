import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Locks one order (SELECT … FOR UPDATE) for the rest of the transaction; 404 when there is none. Given an
 * organizerId, only that organizer's order is found (the same 404 for another tenant's, so ids can't be
 * probed); without one (webhooks, platform admins) any order.
 */
export async function lockOrder(tx: Db, orderId: string, organizerId: string | null = null): Promise<void> {
  const locked = organizerId
    ? await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM tickets_orders WHERE id = ${orderId} AND organizer_id = ${organizerId} FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Order not found.");
}
