import type { UnitPrice } from "@/lib/events/unit-price";
import { formatMoney } from "@/lib/money/format-money";

/** "$25.00 ticket − $5.00 discount + $1.66 fee + $1.25 GST", or null when the price is the ticket alone. */
export function describeUnitPrice(priceMinor: number, unit: UnitPrice, currency: string): string | null {
  if (unit.discountMinor === 0 && unit.feeMinor === 0 && unit.taxMinor === 0) return null;
  let text = `${formatMoney(priceMinor, currency)} ticket`;
  if (unit.discountMinor > 0) text += ` − ${formatMoney(unit.discountMinor, currency)} discount`;
  if (unit.feeMinor > 0) text += ` + ${formatMoney(unit.feeMinor, currency)} fee`;
  for (const tax of unit.taxes) {
    if (tax.amountMinor > 0) text += ` + ${formatMoney(tax.amountMinor, currency)} ${tax.name}`;
  }
  return text;
}
