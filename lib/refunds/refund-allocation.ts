// Rebuilds the pricing view of a stored order (for lib/money/allocate-refund) and plans a refund after the
// ones already made on it, so a new refund's allocation across price, fee, tax and the parties (buyer,
// organizer, platform) continues where the earlier ones stopped. A refund we request stores its allocation
// (Refund.allocation) and later ones build on it; refunds without one (Stripe dashboard, disputes, rows
// from before allocations were stored) are replayed from their amounts and tickets. Pure apart from the
// types: the callers read the rows.
import { z } from "zod";
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
    applicationFeeMinor: number;
    taxLines: unknown;
  }[];
}

/** The order's lines as StoredOrderForRefund needs them, in the order they were bought. */
export const refundableItemsSelect = {
  orderBy: orderLinesOrderBy,
  select: { tierId: true, applicationFeeMinor: true, ...orderLineMoneySelect },
} satisfies Prisma.Order$itemsArgs;

export interface AppliedRefund {
  amountMinor: number;
  /** Tier of each ticket the refund voided (empty for an amount-only refund). */
  ticketTierIds: string[];
}

/** A refund made (or reserved) before: its stored allocation when it has one. */
export interface PriorRefund extends AppliedRefund {
  allocation?: RefundAllocation | null;
}

const taxAmountSchema = z.object({
  name: z.string(),
  rateBps: z.number().int(),
  inclusive: z.boolean(),
  amountMinor: z.number().int(),
});
const refundLineSchema = z.object({
  tierId: z.string(),
  ticketCount: z.number().int(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  feeMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxes: z.array(taxAmountSchema),
  totalMinor: z.number().int(),
  applicationFeeMinor: z.number().int(),
});
const refundAllocationSchema = z.object({
  currency: z.string(),
  amountMinor: z.number().int(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  feeMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxes: z.array(taxAmountSchema),
  applicationFeeMinor: z.number().int(),
  lines: z.array(refundLineSchema),
});

/** Maps ticket ids to their tiers (ids not among `tickets` are left out). */
export function ticketTiers(tickets: readonly { id: string; tierId: string }[]) {
  const tierOf = new Map(tickets.map((t) => [t.id, t.tierId]));
  return (ids: readonly string[]): string[] => ids.flatMap((id) => tierOf.get(id) ?? []);
}

/** Refund rows as planRefund reads them: amount, tickets by tier, and the allocation stored, if any. */
export function toPriorRefunds(
  refunds: readonly { amountMinor: number; ticketIds: string[]; allocation: unknown }[],
  tiersOf: (ids: readonly string[]) => string[],
): PriorRefund[] {
  return refunds.map((r) => ({
    amountMinor: r.amountMinor,
    ticketTierIds: tiersOf(r.ticketIds),
    allocation: parseStoredAllocation(r.allocation),
  }));
}

/** A stored allocation (Refund.allocation), or null when there is none or it is not one. */
export function parseStoredAllocation(value: unknown): RefundAllocation | null {
  const parsed = refundAllocationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
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
      applicationFeeMinor: item.applicationFeeMinor,
    })),
  };
}

export function countByTier(tierIds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tierId of tierIds) counts[tierId] = (counts[tierId] ?? 0) + 1;
  return counts;
}

/**
 * The allocation of `next` after `previous` (in the order they were made). Whole-ticket refunds use the
 * exact per-ticket shares while no amount-only refund came before; after one, the tickets' shares (at most
 * what is left) are split by amount over what is left. `next.amountMinor` fixes the amount: tickets then
 * count only when their shares make exactly that amount. Throws PricingError when the stored numbers do
 * not allow it.
 */
export function planRefund(
  order: RefundableOrder,
  previous: readonly PriorRefund[],
  next: { ticketTierIds: readonly string[]; amountMinor?: number },
): RefundAllocation {
  const done: RefundAllocation[] = [];
  let amountOnlySeen = false;
  const ticketsSoFar: string[] = [];
  const allocate = (refund: { ticketTierIds: readonly string[]; amountMinor?: number }) => {
    if (!amountOnlySeen && refund.ticketTierIds.length > 0) {
      const byTickets = refundForTickets(order, countByTier(refund.ticketTierIds), {
        alreadyRefunded: countByTier(ticketsSoFar),
      });
      if (refund.amountMinor === undefined || byTickets.amountMinor === refund.amountMinor) return byTickets;
    }
    let amount = refund.amountMinor;
    if (amount === undefined) {
      const left = order.totalMinor - done.reduce((sum, r) => sum + r.amountMinor, 0);
      amount = Math.min(
        left,
        refundForTickets(order, countByTier(refund.ticketTierIds), {
          alreadyRefunded: countByTier(ticketsSoFar),
        }).amountMinor,
      );
    }
    return allocateRefund(order, amount, { alreadyRefunded: done });
  };
  const add = (allocation: RefundAllocation, ticketTierIds: readonly string[]) => {
    if (allocation.lines.every((l) => l.ticketCount === 0)) amountOnlySeen = true;
    done.push(allocation);
    ticketsSoFar.push(...ticketTierIds);
    return allocation;
  };
  for (const refund of previous) {
    const stored = refund.allocation;
    const usable =
      stored && stored.amountMinor === refund.amountMinor && stored.lines.length === order.lines.length;
    add(usable ? stored : allocate(refund), refund.ticketTierIds);
  }
  return add(allocate(next), next.ticketTierIds);
}

/**
 * planRefund for a stored order: its lines (refundableItemsSelect), its tickets and the refunds made or
 * reserved before this one (oldest first; leave failed ones out), for `next`'s tickets and amount.
 */
export function planOrderRefund(
  order: StoredOrderForRefund & {
    tickets: readonly { id: string; tierId: string }[];
    refunds: readonly { amountMinor: number; ticketIds: string[]; allocation: unknown }[];
  },
  next: { ticketIds: readonly string[]; amountMinor?: number },
): RefundAllocation {
  const tiersOf = ticketTiers(order.tickets);
  return planRefund(toRefundableOrder(order), toPriorRefunds(order.refunds, tiersOf), {
    ticketTierIds: tiersOf(next.ticketIds),
    ...(next.amountMinor === undefined ? {} : { amountMinor: next.amountMinor }),
  });
}

/**
 * planRefund for a refund that already happened, or null when the stored numbers do not allow an
 * allocation (e.g. a dashboard refund larger than our order total): the refund still applies, only the
 * breakdown is missing.
 */
export function allocateNextRefund(
  order: RefundableOrder,
  previous: readonly PriorRefund[],
  next: AppliedRefund,
): RefundAllocation | null {
  try {
    return planRefund(order, previous, next);
  } catch {
    return null;
  }
}
