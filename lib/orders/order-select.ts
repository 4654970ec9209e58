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

/** An order's lines in the order they were bought, with their money columns and tax lines. */
export const orderLinesSelect = {
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: {
    id: true,
    tierName: true,
    quantity: true,
    unitPriceMinor: true,
    discountMinor: true,
    feeMinor: true,
    taxMinor: true,
    totalMinor: true,
    taxLines: true,
  },
} satisfies Prisma.Order$itemsArgs;

export type OrderLineRow = Prisma.OrderItemGetPayload<{ select: typeof orderLinesSelect.select }>;

/** A line as the read models return it: its columns, with the stored tax lines parsed. */
export function toOrderLine(item: OrderLineRow) {
  return { ...item, taxLines: parseStoredTaxLines(item.taxLines) };
}
