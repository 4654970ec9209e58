// Rebuilds the pricing view of a stored order (for lib/money/allocate-refund) and replays the refunds
// already applied to it, so a new refund's allocation across price, fee and tax continues where the earlier
// ones stopped. Pure apart from the types: the callers read the rows.
import {
  allocateRefund,
  refundForTickets,
  type RefundableOrder,
  type RefundAllocation,
} from "@/lib/money/allocate-refund";
import type { Prisma } from "@/lib/db";
import { orderLineMoneySelect, orderLinesOrderBy } from "@/lib/orders/order-select";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";

export interface StoredOrderForRefund {
  currency: string;
  totalMinor: number;
  items: {
    tierId: string;
    quantity: number;
    unitPriceMinor: number;
    discountMinor: number;
    feeMinor: number;
    taxMinor: number;
    totalMinor: number;
    taxLines: unknown;
  }[];
}

/** The order's lines as StoredOrderForRefund needs them, in the order they were bought. */
export const refundableItemsSelect = {
  orderBy: orderLinesOrderBy,
  select: { tierId: true, ...orderLineMoneySelect },
} satisfies Prisma.Order$itemsArgs;

export interface AppliedRefund {
  amountMinor: number;
  /** Tier of each ticket the refund voided (empty for an amount-only refund). */
  ticketTierIds: string[];
}

export function toRefundableOrder(order: StoredOrderForRefund): RefundableOrder {
  return {
    currency: order.currency,
    totalMinor: order.totalMinor,
    lines: order.items.map((item) => ({
      tierId: item.tierId,
      quantity: item.quantity,
      subtotalMinor: item.unitPriceMinor * item.quantity,
      discountMinor: item.discountMinor,
      feeMinor: item.feeMinor,
      taxMinor: item.taxMinor,
      taxes: parseStoredTaxLines(item.taxLines).map((t) => ({
        name: t.name,
        rateBps: t.rateBps ?? 0,
        inclusive: t.inclusive,
        amountMinor: t.amountMinor,
      })),
      totalMinor: item.totalMinor,
    })),
  };
}

export function countByTier(tierIds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tierId of tierIds) counts[tierId] = (counts[tierId] ?? 0) + 1;
  return counts;
}

/**
 * The allocation of `next` after `previous` (in the order they were applied). Whole-ticket refunds use the
 * exact per-ticket shares while no amount-only refund came before; everything else is split by amount over
 * what is left. Returns null when the stored numbers do not allow an allocation (e.g. a dashboard refund
 * larger than our order total): the refund still applies, only the breakdown is missing.
 */
export function allocateNextRefund(
  order: RefundableOrder,
  previous: readonly AppliedRefund[],
  next: AppliedRefund,
): RefundAllocation | null {
  try {
    const done: RefundAllocation[] = [];
    let amountOnlySeen = false;
    const ticketsSoFar: string[] = [];
    for (const refund of [...previous, next]) {
      let allocation: RefundAllocation | null = null;
      if (!amountOnlySeen && refund.ticketTierIds.length > 0) {
        const byTickets = refundForTickets(order, countByTier(refund.ticketTierIds), {
          alreadyRefunded: countByTier(ticketsSoFar),
        });
        if (byTickets.amountMinor === refund.amountMinor) allocation = byTickets;
      }
      if (!allocation) {
        allocation = allocateRefund(order, refund.amountMinor, { alreadyRefunded: done });
        amountOnlySeen = true;
      }
      done.push(allocation);
      ticketsSoFar.push(...refund.ticketTierIds);
    }
    return done[done.length - 1] ?? null;
  } catch {
    return null;
  }
}
