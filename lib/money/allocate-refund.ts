/**
 * Splitting refunds back over what was charged, so refunds agree with the order to the cent, per party.
 *
 * Every line's charge is split into cells, each owned by one party:
 *   [organizer's part of the ticket price, platform fee inside the price, service fee, tax 1, tax 2, ...]
 * The ticket price is net of inclusive taxes; the platform fee inside it is the application fee the
 * organizer absorbed (organizer_absorbs); the service fee the buyer paid is the platform's (buyer_pays);
 * taxes belong to the organizer, who remits them. A refund's `applicationFeeMinor` (F) is what comes out
 * of the platform's cells, so the buyer gets R, the platform gives back F and the organizer R − F. Cells
 * never go negative, so the organizer never gives back more of a ticket than it kept, and keeps at least
 * the tax on what is not refunded.
 *
 * - allocateRefund(order, amount): an amount refund. The amount is split over every cell of every line in
 *   proportion to what is still refundable, by largest remainder. The parts sum exactly to the amount and
 *   no cell ever exceeds what was charged, also across several partial refunds when the earlier ones are
 *   passed in.
 * - refundForTickets(order, { tierId: count }): refunding whole tickets. Each line's fee and tax are split
 *   over its tickets by largest remainder with equal weights (the first `amount mod quantity` tickets carry
 *   the extra cent), named taxes by controlled rounding; refunding k tickets after j were refunded returns
 *   tickets j..j+k−1's shares, so refunding every ticket, in any batches, sums exactly to what was charged.
 */
import { allocateBig, allocateTable } from "@/lib/money/allocate";
import type { PricedLine, TaxAmount } from "@/lib/money/price-order";
import { PricingError } from "@/lib/money/pricing-error";

/** The parts of a priced order refunds need; an order rebuilt from stored order items satisfies it. */
export interface RefundableOrder {
  currency: string;
  totalMinor: number;
  lines: readonly Pick<
    PricedLine,
    | "tierId"
    | "quantity"
    | "subtotalMinor"
    | "discountMinor"
    | "feeMinor"
    | "taxMinor"
    | "taxes"
    | "totalMinor"
    | "applicationFeeMinor"
  >[];
}

export interface RefundLine {
  tierId: string;
  /** Whole tickets refunded (0 for an amount refund). */
  ticketCount: number;
  /** Ticket price refunded before discount; subtotal − discount is the ticket-price part of the refund. */
  subtotalMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  taxes: TaxAmount[];
  /** subtotal − discount + fee + exclusive tax. */
  totalMinor: number;
  /** The platform's part of this refund (service fee and absorbed fee): the application fee to refund. */
  applicationFeeMinor: number;
}

export interface RefundAllocation {
  currency: string;
  /** The refund amount: the sum of the lines' totals. */
  amountMinor: number;
  subtotalMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  taxes: TaxAmount[];
  /** The platform's part (F): refunded from the application fee. The organizer's part is amount − F. */
  applicationFeeMinor: number;
  /** One entry per order line, in order (zeros for untouched lines). */
  lines: RefundLine[];
}

export interface AllocateRefundOptions {
  /** Refunds already made on this order (amount or ticket refunds); the new one splits what remains. */
  alreadyRefunded?: readonly RefundAllocation[];
}

export function allocateRefund(
  order: RefundableOrder,
  amountMinor: number,
  options: AllocateRefundOptions = {},
): RefundAllocation {
  const inclusive = isInclusive(order);
  const previous = sumPrevious(order, options.alreadyRefunded ?? []);

  // Remaining refundable amount per cell (see the header): charged minus refunded before.
  const cells: bigint[][] = order.lines.map((line, i) => {
    const prev = previous[i] ?? emptyLine(line);
    if (prev.subtotalMinor > line.subtotalMinor || prev.discountMinor > line.discountMinor) {
      throw new PricingError(`alreadyRefunded.lines.${i}`, "refunds exceed what was charged on this line");
    }
    const charged = lineCells(line, inclusive);
    const refunded = refundedCells(prev, inclusive);
    return charged.map((c, k) => {
      const remaining = c - (refunded[k] ?? 0n);
      if (remaining < 0n) {
        throw new PricingError(`alreadyRefunded.lines.${i}`, "refunds exceed what was charged on this line");
      }
      return remaining;
    });
  });
  const remainingTotal = cells.flat().reduce((acc, c) => acc + c, 0n);
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 1 || BigInt(amountMinor) > remainingTotal) {
    throw new PricingError(
      "amountMinor",
      remainingTotal === 0n
        ? "nothing is left to refund on this order"
        : `must be a whole amount from 1 to ${remainingTotal} (what is left to refund)`,
    );
  }

  const flat = allocateBig(BigInt(amountMinor), cells.flat());
  let cursor = 0;
  const lines = order.lines.map((line, i): RefundLine => {
    const width = CELLS_BEFORE_TAXES + line.taxes.length;
    const parts = flat.slice(cursor, cursor + width).map(Number);
    cursor += width;
    const [organizerPart = 0, absorbedPart = 0, feeMinor = 0, ...taxParts] = parts;
    const taxes = line.taxes.map((t, k) => ({ ...t, amountMinor: taxParts[k] ?? 0 }));
    const taxMinor = taxParts.reduce((acc, t) => acc + t, 0);
    // Split the ticket-price part into subtotal and discount in the proportion still unrefunded.
    const pricePart = organizerPart + absorbedPart + (inclusive ? taxMinor : 0);
    const prev = previous[i] ?? emptyLine(line);
    const remainingSubtotal = BigInt(line.subtotalMinor - prev.subtotalMinor);
    const remainingBase = BigInt(
      line.subtotalMinor - line.discountMinor - (prev.subtotalMinor - prev.discountMinor),
    );
    const subtotalMinor =
      remainingBase > 0n ? Number(roundHalfUp(BigInt(pricePart) * remainingSubtotal, remainingBase)) : 0;
    return {
      tierId: line.tierId,
      ticketCount: 0,
      subtotalMinor,
      discountMinor: subtotalMinor - pricePart,
      feeMinor,
      taxMinor,
      taxes,
      totalMinor: pricePart + feeMinor + (inclusive ? 0 : taxMinor),
      applicationFeeMinor: absorbedPart + feeMinor,
    };
  });
  return summarize(order, lines);
}

/** organizer's price part, platform fee inside the price, service fee: then one cell per tax name. */
const CELLS_BEFORE_TAXES = 3;

/**
 * The platform fee a line carries inside its ticket price (the absorbed part of its application fee):
 * what the application fee exceeds the service fee by, never more than the price net of inclusive tax.
 * (Orders priced before the inclusive-tax cap may carry more; the excess stays with the platform.)
 */
function absorbedFee(line: RefundableOrder["lines"][number], inclusive: boolean): number {
  const priceNet = line.subtotalMinor - line.discountMinor - (inclusive ? line.taxMinor : 0);
  return Math.min(Math.max(0, line.applicationFeeMinor - line.feeMinor), Math.max(0, priceNet));
}

function lineCells(line: RefundableOrder["lines"][number], inclusive: boolean): bigint[] {
  const priceNet = line.subtotalMinor - line.discountMinor - (inclusive ? line.taxMinor : 0);
  const absorbed = absorbedFee(line, inclusive);
  return [priceNet - absorbed, absorbed, line.feeMinor, ...line.taxes.map((t) => t.amountMinor)].map(BigInt);
}

function refundedCells(prev: RefundLine, inclusive: boolean): bigint[] {
  const priceNet = prev.subtotalMinor - prev.discountMinor - (inclusive ? prev.taxMinor : 0);
  const absorbed = prev.applicationFeeMinor - prev.feeMinor;
  return [priceNet - absorbed, absorbed, prev.feeMinor, ...prev.taxes.map((t) => t.amountMinor)].map(BigInt);
}

export interface RefundForTicketsOptions {
  /** Tickets of each tier already refunded on this order (they took the first shares). */
  alreadyRefunded?: Readonly<Record<string, number>>;
}

/**
 * The exact refund for whole tickets, e.g. refundForTickets(order, { ga: 2 }). Amount-only refunds made
 * earlier are not taken into account: after one, refund the rest by amount (allocateRefund).
 */
export function refundForTickets(
  order: RefundableOrder,
  tickets: Readonly<Record<string, number>>,
  options: RefundForTicketsOptions = {},
): RefundAllocation {
  const already = options.alreadyRefunded ?? {};
  const known = new Set(order.lines.map((l) => l.tierId));
  for (const [field, counts] of [
    ["tickets", tickets],
    ["alreadyRefunded", already],
  ] as const) {
    for (const [tierId, count] of Object.entries(counts)) {
      if (!known.has(tierId)) throw new PricingError(`${field}.${tierId}`, "this tier is not in the order");
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new PricingError(`${field}.${tierId}`, "must be a whole number of tickets");
      }
    }
  }
  const inclusive = isInclusive(order);
  let ticketCount = 0;
  const lines = order.lines.map((line): RefundLine => {
    const count = tickets[line.tierId] ?? 0;
    const before = already[line.tierId] ?? 0;
    if (before + count > line.quantity) {
      throw new PricingError(
        `tickets.${line.tierId}`,
        `only ${line.quantity - before} of ${line.quantity} tickets are left to refund`,
      );
    }
    ticketCount += count;
    const share = (amount: number) =>
      cumulativeShare(amount, line.quantity, before + count) - cumulativeShare(amount, line.quantity, before);
    const taxes = ticketTaxShares(line, before, count);
    const taxMinor = taxes.reduce((acc, t) => acc + t.amountMinor, 0);
    const subtotalMinor = share(line.subtotalMinor);
    const discountMinor = share(line.discountMinor);
    const feeMinor = share(line.feeMinor);
    return {
      tierId: line.tierId,
      ticketCount: count,
      subtotalMinor,
      discountMinor,
      feeMinor,
      taxMinor,
      taxes,
      totalMinor: subtotalMinor - discountMinor + feeMinor + (inclusive ? 0 : taxMinor),
      applicationFeeMinor: share(absorbedFee(line, inclusive)) + feeMinor,
    };
  });
  if (ticketCount === 0) throw new PricingError("tickets", "choose at least one ticket to refund");
  return summarize(order, lines);
}

/**
 * Sum of the first n tickets' shares when `amount` is split over `quantity` tickets by largest remainder
 * with equal weights: each ticket gets floor(amount / quantity), the first (amount mod quantity) one more.
 */
function cumulativeShare(amount: number, quantity: number, n: number): number {
  const each = Math.floor(amount / quantity);
  return n * each + Math.min(n, amount - each * quantity);
}

/**
 * The named taxes of tickets before..before+count−1 of a line. Each ticket's tax is its equal share of the
 * line's tax (largest remainder), split between the names by controlled rounding, so that a ticket's
 * named taxes add up to its tax and every ticket's share of a name adds up to the line's amount.
 */
function ticketTaxShares(line: RefundableOrder["lines"][number], before: number, count: number): TaxAmount[] {
  if (count === 0 || line.taxes.length === 0) return line.taxes.map((t) => ({ ...t, amountMinor: 0 }));
  const names = line.taxes.map((t) => BigInt(t.amountMinor));
  const lineTax = names.reduce((acc, v) => acc + v, 0n);
  if (lineTax !== BigInt(line.taxMinor))
    throw new PricingError("lines.taxes", "named taxes do not add up to the line tax");
  const perTicket = allocateBig(
    lineTax,
    Array.from({ length: line.quantity }, () => 1n),
  );
  const table = allocateTable(perTicket, names).slice(before, before + count);
  return line.taxes.map((t, k) => ({
    ...t,
    amountMinor: Number(table.reduce((acc, row) => acc + (row[k] ?? 0n), 0n)),
  }));
}

function isInclusive(order: RefundableOrder): boolean {
  const flags = order.lines.flatMap((l) => l.taxes.map((t) => t.inclusive));
  return flags.length > 0 && flags.every(Boolean);
}

function emptyLine(line: RefundableOrder["lines"][number]): RefundLine {
  return {
    tierId: line.tierId,
    ticketCount: 0,
    subtotalMinor: 0,
    discountMinor: 0,
    feeMinor: 0,
    taxMinor: 0,
    taxes: line.taxes.map((t) => ({ ...t, amountMinor: 0 })),
    totalMinor: 0,
    applicationFeeMinor: 0,
  };
}

function sumPrevious(order: RefundableOrder, refunds: readonly RefundAllocation[]): RefundLine[] {
  const totals = order.lines.map(emptyLine);
  refunds.forEach((refund, r) => {
    if (refund.lines.length !== order.lines.length) {
      throw new PricingError(`alreadyRefunded.${r}`, "does not belong to this order");
    }
    refund.lines.forEach((line, i) => {
      const total = totals[i];
      if (!total || line.tierId !== total.tierId || line.taxes.length !== total.taxes.length) {
        throw new PricingError(`alreadyRefunded.${r}.lines.${i}`, "does not belong to this order");
      }
      total.ticketCount += line.ticketCount;
      total.subtotalMinor += line.subtotalMinor;
      total.discountMinor += line.discountMinor;
      total.feeMinor += line.feeMinor;
      total.taxMinor += line.taxMinor;
      total.totalMinor += line.totalMinor;
      total.applicationFeeMinor += line.applicationFeeMinor;
      line.taxes.forEach((t, k) => {
        const sumTax = total.taxes[k];
        if (sumTax) sumTax.amountMinor += t.amountMinor;
      });
    });
  });
  return totals;
}

function summarize(order: RefundableOrder, lines: RefundLine[]): RefundAllocation {
  const add = (pick: (l: RefundLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  const first = order.lines[0];
  return {
    currency: order.currency,
    amountMinor: add((l) => l.totalMinor),
    subtotalMinor: add((l) => l.subtotalMinor),
    discountMinor: add((l) => l.discountMinor),
    feeMinor: add((l) => l.feeMinor),
    taxMinor: add((l) => l.taxMinor),
    taxes: (first?.taxes ?? []).map((t, k) => ({
      ...t,
      amountMinor: add((l) => l.taxes[k]?.amountMinor ?? 0),
    })),
    applicationFeeMinor: add((l) => l.applicationFeeMinor),
    lines,
  };
}

/** round(n / d), halves up; n ≥ 0, d > 0. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}
