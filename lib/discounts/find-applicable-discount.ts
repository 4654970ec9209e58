import "server-only";
import { assertDiscountApplies } from "@/lib/discounts/assert-discount-applies";
import { countDiscountUses } from "@/lib/discounts/count-discount-uses";
import type { DiscountSummary } from "@/lib/discounts/discount-rules";
import { isValidDiscountCode, normalizeDiscountCode } from "@/lib/discounts/discount-rules";
import { DISCOUNT_SELECT, toDiscountSummary } from "@/lib/discounts/to-discount-summary";
import type { Db } from "@/lib/db";

/**
 * The event's code a buyer typed, checked for use now on a cart with these tiers: 422 naming
 * `discountCode` with the reason otherwise (see assertDiscountApplies). `excludeOrderId` leaves an order
 * being re-priced out of the count. This is the early, friendly check: two carts can both pass it for the
 * last use, so the checkout must still pass the code to takeHolds, which re-counts its uses under the code's
 * inventory lock (lib/inventory/lock-inventory.ts).
 */
export async function findApplicableDiscount(
  client: Db,
  query: {
    eventId: string;
    code: string;
    tierIds: readonly string[];
    now?: Date;
    excludeOrderId?: string;
  },
): Promise<{ discount: DiscountSummary; tierIds: string[] }> {
  const now = query.now ?? new Date();
  const code = normalizeDiscountCode(query.code);
  if (!isValidDiscountCode(code))
    return assertDiscountApplies<DiscountSummary>(null, { now, tierIds: query.tierIds });
  const row = await client.discount.findUnique({
    where: { eventId_code: { eventId: query.eventId, code } },
    select: DISCOUNT_SELECT,
  });
  if (!row) return assertDiscountApplies<DiscountSummary>(null, { now, tierIds: query.tierIds });
  const uses = await countDiscountUses(client, [row.id], { excludeOrderId: query.excludeOrderId });
  return assertDiscountApplies(toDiscountSummary(row, uses.get(row.id)), { now, tierIds: query.tierIds });
}
