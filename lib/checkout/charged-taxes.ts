// What Stripe Tax charged, spread over our order lines, so the stored order says what the buyer paid: each
// line's tax by name and the order's tax lines. Pure. The Checkout Session's line items come back in the
// order we sent them (one per order line, then the service fee line); a line item's taxes go to its line,
// the service fee's taxes to the lines by their fee (largest remainder). When Stripe's line items do not
// match our lines, or carry no tax detail, the session's tax total is split over the lines by what they
// charged (price and fee) as one "Tax" line, so the amounts still add up to what was charged.
import { allocateBig } from "@/lib/money/allocate";
import type { TaxAmount } from "@/lib/money/price-order";

/** One of Stripe's line items, as far as we read it. */
export interface ChargedLineItem {
  amountSubtotal: number;
  taxes: { amountMinor: number; name: string; rateBps: number | null }[];
}

/** An order line as stored before payment (Stripe Tax orders are priced without tax). */
export interface UnTaxedLine {
  subtotalMinor: number;
  discountMinor: number;
  feeMinor: number;
}

export interface ChargedTaxes {
  lines: { taxMinor: number; taxes: TaxAmount[] }[];
  /** Per tax name, in the order first met. */
  taxes: TaxAmount[];
}

export function spreadChargedTaxes(
  lines: readonly UnTaxedLine[],
  lineItems: readonly ChargedLineItem[] | null,
  amountTax: number,
): ChargedTaxes {
  const fromItems = lineItems ? byLineItems(lines, lineItems) : null;
  const perLine = fromItems && sumTaxes(fromItems) === amountTax ? fromItems : byPrice(lines, amountTax);
  const names = [...new Set(perLine.flatMap((line) => [...line.keys()]))];
  const rate = (name: string) =>
    lineItems?.flatMap((i) => i.taxes).find((t) => t.name === name)?.rateBps ?? 0;
  const toAmounts = (line: Map<string, number>): TaxAmount[] =>
    names.map((name) => ({ name, rateBps: rate(name), inclusive: false, amountMinor: line.get(name) ?? 0 }));
  const chargedLines = perLine.map((line) => {
    const taxes = toAmounts(line);
    return { taxMinor: taxes.reduce((sum, t) => sum + t.amountMinor, 0), taxes };
  });
  const total = new Map<string, number>();
  for (const line of perLine)
    for (const [name, amount] of line) total.set(name, (total.get(name) ?? 0) + amount);
  return { lines: chargedLines, taxes: toAmounts(total) };
}

function byLineItems(
  lines: readonly UnTaxedLine[],
  items: readonly ChargedLineItem[],
): Map<string, number>[] | null {
  const feeTotal = lines.reduce((sum, l) => sum + l.feeMinor, 0);
  if (items.length !== lines.length + (feeTotal > 0 ? 1 : 0)) return null;
  if (lines.some((line, i) => items[i]?.amountSubtotal !== line.subtotalMinor - line.discountMinor)) {
    return null;
  }
  const perLine = lines.map((_, i) => named(items[i]?.taxes ?? []));
  const feeItem = feeTotal > 0 ? items[lines.length] : undefined;
  if (feeItem && feeItem.amountSubtotal !== feeTotal) return null;
  for (const [name, amount] of named(feeItem?.taxes ?? [])) {
    const shares = allocateBig(
      BigInt(amount),
      lines.map((l) => BigInt(l.feeMinor)),
    );
    perLine.forEach((line, i) => line.set(name, (line.get(name) ?? 0) + Number(shares[i] ?? 0n)));
  }
  return perLine;
}

function byPrice(lines: readonly UnTaxedLine[], amountTax: number): Map<string, number>[] {
  const weights = lines.map((l) => BigInt(l.subtotalMinor - l.discountMinor + l.feeMinor));
  const shares = weights.some((w) => w > 0n) ? allocateBig(BigInt(amountTax), weights) : weights;
  return shares.map((share) => new Map(amountTax > 0 ? [["Tax", Number(share)]] : []));
}

function named(taxes: ChargedLineItem["taxes"]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tax of taxes) byName.set(tax.name, (byName.get(tax.name) ?? 0) + tax.amountMinor);
  return byName;
}

function sumTaxes(perLine: Map<string, number>[]): number {
  return perLine.reduce((sum, line) => sum + [...line.values()].reduce((a, b) => a + b, 0), 0);
}
