// How order reads select an order's lines and totals, and how a line is shown (tax lines parsed).
import type { Prisma } from "@/lib/db";
import { parseStoredTaxLines } from "@/lib/orders/parse-stored-tax-lines";

/** An order's money columns, as every read model shows them. */
export const orderTotalsSelect = {
  subtotalMinor: true,
  discountMinor: true,
  feeMinor: true,
  taxMinor: true,
  totalMinor: true,
} as const satisfies Prisma.OrderSelect;

export type OrderTotals = Prisma.OrderGetPayload<{ select: typeof orderTotalsSelect }>;

/** Just the money columns of a row read with orderTotalsSelect (and more). */
export function toOrderTotals(order: OrderTotals): OrderTotals {
  return {
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    feeMinor: order.feeMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
  };
}

/** A line's quantity, money columns and stored tax lines. */
export const orderLineMoneySelect = {
  quantity: true,
  unitPriceMinor: true,
  discountMinor: true,
  feeMinor: true,
  taxMinor: true,
  totalMinor: true,
  taxLines: true,
} as const satisfies Prisma.OrderItemSelect;

/** The order lines are read in the order they were bought. */
export const orderLinesOrderBy = [
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.OrderItemOrderByWithRelationInput[];

/** An order's lines in the order they were bought, with their money columns and tax lines. */
export const orderLinesSelect = {
  orderBy: orderLinesOrderBy,
  select: { id: true, tierName: true, ...orderLineMoneySelect },
} satisfies Prisma.Order$itemsArgs;

export type OrderLineRow = Prisma.OrderItemGetPayload<{ select: typeof orderLinesSelect.select }>;

/** A line as the read models return it: its columns, with the stored tax lines parsed. */
export function toOrderLine(item: OrderLineRow) {
  return { ...item, taxLines: parseStoredTaxLines(item.taxLines) };
}
