import "server-only";
import type { Db } from "@/lib/db";
import { discountUses } from "@/lib/inventory/availability-sql";

/**
 * Uses per discount id (absent ids have none), leaving `excludeOrderId` out. Which orders count as a use
 * (pretix counts a code as used while it sits in a cart): paid or partially refunded, or pending while they
 * still hold seats (a live hold by the database's clock). Expired, cancelled and fully refunded orders, and
 * abandoned carts, free the use. It is `discountUses` of lib/inventory/availability-sql.ts, the count
 * takeHolds checks under the code's inventory lock, so the portal's count and the checkout's limit agree.
 */
export async function countDiscountUses(
  client: Db,
  discountIds: string[],
  options: { excludeOrderId?: string } = {},
): Promise<Map<string, number>> {
  if (discountIds.length === 0) return new Map();
  const exclude = options.excludeOrderId ? [options.excludeOrderId] : [];
  const rows = await client.$queryRaw<{ id: string; uses: number }[]>`
    SELECT d.id, ${discountUses("d", exclude)}::int AS uses
    FROM tickets_discounts d WHERE d.id = ANY(${discountIds}::text[])`;
  return new Map(rows.filter((r) => r.uses > 0).map((r) => [r.id, r.uses]));
}
