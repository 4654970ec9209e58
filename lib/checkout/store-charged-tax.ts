// Stripe Tax adds the tax on top of our total at checkout: when the payment lands, the order and its lines
// are brought to what Stripe actually charged (the tax per line and per name, the total), so the passes
// page, refunds (a full refund returns the tax too) and every report read the amounts the buyer paid.
// Runs inside the fulfilment transaction, on the locked order.
import "server-only";
import { spreadChargedTaxes, type ChargedLineItem } from "@/lib/checkout/charged-taxes";
import type { Db } from "@/lib/db";
import { orderLinesOrderBy } from "@/lib/orders/order-select";

export interface ChargedTax {
  /** The session's total_details.amount_tax. */
  amountMinor: number;
  /** The session's line items with their taxes, when Stripe gave them. */
  lineItems: ChargedLineItem[] | null;
}

export async function storeChargedTax(tx: Db, orderId: string, tax: ChargedTax): Promise<void> {
  const items = await tx.orderItem.findMany({
    where: { orderId },
    orderBy: orderLinesOrderBy,
    select: {
      id: true,
      quantity: true,
      unitPriceMinor: true,
      discountMinor: true,
      feeMinor: true,
      totalMinor: true,
    },
  });
  const charged = spreadChargedTaxes(
    items.map((item) => ({
      subtotalMinor: item.unitPriceMinor * item.quantity,
      discountMinor: item.discountMinor,
      feeMinor: item.feeMinor,
    })),
    tax.lineItems,
    tax.amountMinor,
  );
  for (const [i, item] of items.entries()) {
    const line = charged.lines[i];
    if (!line) continue;
    await tx.orderItem.update({
      where: { id: item.id },
      data: {
        taxMinor: line.taxMinor,
        taxLines: line.taxes.map((t) => ({ ...t })),
        totalMinor: item.totalMinor + line.taxMinor,
      },
    });
  }
  await tx.order.update({
    where: { id: orderId },
    data: {
      taxMinor: tax.amountMinor,
      taxLines: charged.taxes.map((t) => ({ ...t })),
      totalMinor: { increment: tax.amountMinor },
    },
  });
}
