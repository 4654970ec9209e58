import "server-only";
import type { Db, Prisma } from "@/lib/db";

/**
 * Which orders count as a use of a code (pretix counts a code as used while it sits in a cart): paid or
 * partially refunded, or pending while they still hold seats (a live hold: unexpired, unreleased,
 * unconverted). Expired, cancelled and fully refunded orders, and abandoned carts, free the use. The same
 * definition as `discountUses` in lib/inventory/availability-sql.ts, which takeHolds checks under the
 * code's inventory lock, so the portal's count and the checkout's limit agree.
 */
export function discountUseWhere(now: Date): Prisma.OrderWhereInput {
  return {
    OR: [
      { status: { in: ["paid", "partially_refunded"] } },
      {
        status: "pending",
        holds: { some: { expiresAt: { gt: now }, releasedAt: null, convertedAt: null } },
      },
    ],
  };
}

/** Uses per discount id (absent ids have none). */
export async function countDiscountUses(
  client: Db,
  discountIds: string[],
  options: { now?: Date; excludeOrderId?: string } = {},
): Promise<Map<string, number>> {
  if (discountIds.length === 0) return new Map();
  const rows = await client.order.groupBy({
    by: ["discountId"],
    where: {
      discountId: { in: discountIds },
      ...(options.excludeOrderId ? { id: { not: options.excludeOrderId } } : {}),
      ...discountUseWhere(options.now ?? new Date()),
    },
    _count: true,
  });
  const uses = new Map<string, number>();
  for (const row of rows) if (row.discountId) uses.set(row.discountId, row._count);
  return uses;
}
