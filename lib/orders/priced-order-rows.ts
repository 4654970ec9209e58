// How a priced order is stored: the order's money columns and one order item per priced line. Checkout
// and the demo seed both store orders this way, so the rows always carry what priceOrder computed.
import type { PricedOrder } from "@/lib/money/price-order";

/** The order's money columns for a priced order. */
export function pricedOrderColumns(priced: PricedOrder) {
  return {
    currency: priced.currency,
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    feeMinor: priced.feeMinor,
    taxMinor: priced.taxMinor,
    totalMinor: priced.totalMinor,
    applicationFeeMinor: priced.applicationFeeMinor,
    taxLines: priced.taxes.map((t) => ({ ...t })),
  };
}

/** One order item per priced line (the order id is added by the caller). */
export function pricedOrderItem(line: PricedOrder["lines"][number]) {
  return {
    tierId: line.tierId,
    tierName: line.name,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountMinor: line.discountMinor,
    feeMinor: line.feeMinor,
    taxMinor: line.taxMinor,
    totalMinor: line.totalMinor,
    applicationFeeMinor: line.applicationFeeMinor,
    taxLines: line.taxes.map((t) => ({ ...t })),
  };
}
