/**
 * The one pricing function. Checkout, the order record, the dashboard and refunds all use priceOrder, so
 * every surface shows the same numbers. Pure: no I/O, no env, no clock; every setting comes in as input.
 *
 * Rules (all amounts are integer minor units of `currency`; rates are basis points, 10_000 = 100%):
 * - Discount, per ticket, only on tiers in the discount's scope (empty scope = every tier):
 *   percent → round_half_up(unit price × percentBps / 10_000); fixed → amountMinor; never more than the
 *   unit price. `base` = unit price − discount, the price the organizer sells the ticket for (pre-tax).
 *   A ticket whose base is 0 is free and carries no fee.
 * - Platform fee per paid ticket, computed on `base` (never on taxes), with r = percentBps / 10_000:
 *   - buyer_pays: the buyer pays a visible service fee grossed up so the platform's cut is
 *     `fixed + r × (base + fee)`, i.e. fee = (fixed + base × r) / (1 − r), clamped to [min, max].
 *     The application fee IS that fee line, so the organizer nets exactly base + exclusive taxes.
 *   - organizer_absorbs: no fee line; application fee = fixed + base × r, clamped to [min, max] and never
 *     more than the ticket's base (so the organizer always keeps at least the taxes it must remit).
 * - Taxes apply to `base` (not to the service fee); every tax uses the same base; all taxes are exclusive
 *   or all inclusive. Exclusive: tax = base × Σrates, added on top. Inclusive: the base already contains
 *   it: tax = base − base / (1 + Σrates) = base × Σrates / (1 + Σrates).
 * - Rounding: per-ticket fees and taxes stay exact fractions; each order-level total (fee, tax, application
 *   fee) is the exact sum rounded half-up once, then allocated by largest remainder: the fee over lines by
 *   each line's exact fee, the tax total over lines by base and over tax names by rate, and the line × name
 *   tax table by controlled rounding (allocateTable) so it matches both. So line amounts sum exactly to
 *   order amounts, each line's named taxes sum to its tax, per-name taxes sum to the tax total, and every
 *   line fee, line tax and named tax is within one unit of its exact share.
 * - totalMinor = subtotal − discount + fee + (exclusive ? tax : 0), per line and per order.
 *   applicationFeeMinor ≤ totalMinor; organizerNetMinor = total − application fee; a zero total has a
 *   zero application fee.
 */
import { allocateBig, allocateTable } from "@/lib/money/allocate";
import { isSupportedCurrency, type CurrencyCode } from "@/lib/money/currencies";
import { PricingError } from "@/lib/money/pricing-error";

export { PricingError } from "@/lib/money/pricing-error";
export { taxLinesSchema, platformFeeSchema } from "@/lib/money/schemas";

/** Highest platform percent accepted: the buyer_pays gross-up divides by (1 − r). Matches lib/env.ts. */
export const MAX_PLATFORM_FEE_BPS = 5_000;
export const MAX_TAX_RATE_BPS = 10_000;

export type FeeModel = "buyer_pays" | "organizer_absorbs";

export interface TaxLine {
  name: string;
  rateBps: number;
  inclusive: boolean;
}

export interface TaxAmount extends TaxLine {
  amountMinor: number;
}

export interface PlatformFee {
  /** Per paid ticket. */
  fixedMinor: number;
  percentBps: number;
  /** Per paid ticket clamp. */
  minMinor: number;
  maxMinor: number;
}

export type DiscountInput = {
  code: string;
  /** Tiers the discount applies to; empty or absent = every tier. */
  tierIds?: readonly string[];
} & (
  { kind: "percent"; percentBps: number } | { kind: "fixed"; /** Off each ticket. */ amountMinor: number }
);

export interface PriceOrderLineInput {
  tierId: string;
  name: string;
  unitPriceMinor: number;
  quantity: number;
}

export interface PriceOrderInput {
  currency: string;
  lines: readonly PriceOrderLineInput[];
  discount?: DiscountInput | null;
  taxes: readonly TaxLine[];
  feeModel: FeeModel;
  platformFee: PlatformFee;
}

export interface PricedLine {
  tierId: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  /** Discount on one ticket of this line. */
  unitDiscountMinor: number;
  /** unitPriceMinor × quantity. */
  subtotalMinor: number;
  discountMinor: number;
  /** Service fee the buyer pays (0 when the organizer absorbs it). */
  feeMinor: number;
  taxMinor: number;
  taxes: TaxAmount[];
  /** subtotal − discount + fee + exclusive tax. */
  totalMinor: number;
  /** This line's share of the order's application fee. */
  applicationFeeMinor: number;
}

export interface PricedOrder {
  currency: CurrencyCode;
  feeModel: FeeModel;
  discountCode: string | null;
  /** True when the taxes are included in the ticket prices (false when there are none). */
  taxesInclusive: boolean;
  lines: PricedLine[];
  subtotalMinor: number;
  discountMinor: number;
  feeMinor: number;
  taxMinor: number;
  /** Per tax name, in the configured order. */
  taxes: TaxAmount[];
  /** What the buyer pays. */
  totalMinor: number;
  /** Stripe `application_fee_amount`: the platform's cut. */
  applicationFeeMinor: number;
  /** totalMinor − applicationFeeMinor. */
  organizerNetMinor: number;
}

const BPS = 10_000n;

export function priceOrder(input: PriceOrderInput): PricedOrder {
  const currency = assertValidInput(input);
  const { discount, platformFee, feeModel } = input;
  const taxes = input.taxes.map(({ name, rateBps, inclusive }) => ({
    name: name.trim(),
    rateBps,
    inclusive,
  }));
  const taxesInclusive = taxes.length > 0 && taxes.every((t) => t.inclusive);
  const scope = new Set(discount?.tierIds ?? []);

  const lines = input.lines.map((line) => {
    const unitPrice = BigInt(line.unitPriceMinor);
    const quantity = BigInt(line.quantity);
    let unitDiscount = 0n;
    if (discount && (scope.size === 0 || scope.has(line.tierId))) {
      unitDiscount =
        discount.kind === "percent"
          ? roundHalfUp(unitPrice * BigInt(discount.percentBps), BPS)
          : BigInt(discount.amountMinor);
      if (unitDiscount > unitPrice) unitDiscount = unitPrice;
    }
    return { line, unitPrice, quantity, unitDiscount, base: unitPrice - unitDiscount };
  });

  // Per-ticket platform fee as an exact fraction feeNumerator / feeDenominator.
  const fixed = BigInt(platformFee.fixedMinor);
  const percent = BigInt(platformFee.percentBps);
  const feeDenominator = feeModel === "buyer_pays" ? BPS - percent : BPS;
  const min = BigInt(platformFee.minMinor) * feeDenominator;
  const max = BigInt(platformFee.maxMinor) * feeDenominator;
  const lineFeeWeights = lines.map(({ base, quantity }) => {
    if (base === 0n) return 0n;
    let fee = clamp(fixed * BPS + base * percent, min, max);
    if (feeModel === "organizer_absorbs" && fee > base * BPS) fee = base * BPS;
    return fee * quantity;
  });
  const platformTotal = roundHalfUp(sum(lineFeeWeights), feeDenominator);
  const lineFees = allocateBig(platformTotal, lineFeeWeights);

  // Taxes on the discounted base.
  const lineBases = lines.map(({ base, quantity }) => base * quantity);
  const baseTotal = sum(lineBases);
  const rateSum = BigInt(taxes.reduce((acc, t) => acc + t.rateBps, 0));
  const taxTotal = roundHalfUp(baseTotal * rateSum, taxesInclusive ? BPS + rateSum : BPS);
  const taxByName = allocateBig(
    taxTotal,
    taxes.map((t) => BigInt(t.rateBps)),
  );
  const taxByLine = allocateBig(taxTotal, lineBases);
  const taxByLineByName = allocateTable(taxByLine, taxByName);

  const pricedLines: PricedLine[] = lines.map(({ line, unitPrice, quantity, unitDiscount }, i) => {
    const lineTaxes = taxes.map((t, k) => ({ ...t, amountMinor: toMinor(taxByLineByName[i]?.[k] ?? 0n) }));
    const taxMinor = lineTaxes.reduce((acc, t) => acc + t.amountMinor, 0);
    const platformMinor = toMinor(lineFees[i] ?? 0n);
    const feeMinor = feeModel === "buyer_pays" ? platformMinor : 0;
    const subtotalMinor = toMinor(unitPrice * quantity);
    const discountMinor = toMinor(unitDiscount * quantity);
    return {
      tierId: line.tierId,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      unitDiscountMinor: toMinor(unitDiscount),
      subtotalMinor,
      discountMinor,
      feeMinor,
      taxMinor,
      taxes: lineTaxes,
      totalMinor: toMinor(
        BigInt(subtotalMinor) -
          BigInt(discountMinor) +
          BigInt(feeMinor) +
          (taxesInclusive ? 0n : BigInt(taxMinor)),
      ),
      applicationFeeMinor: platformMinor,
    };
  });

  const subtotalMinor = sumBy(pricedLines, (l) => l.subtotalMinor);
  const discountMinor = sumBy(pricedLines, (l) => l.discountMinor);
  const feeMinor = sumBy(pricedLines, (l) => l.feeMinor);
  const taxMinor = toMinor(taxTotal);
  const totalMinor = sumBy(pricedLines, (l) => l.totalMinor);
  // Never above what is charged: buyer_pays → fee ≤ total; organizer_absorbs → capped at base ≤ total.
  const applicationFeeMinor = Math.min(toMinor(platformTotal), totalMinor);
  return {
    currency,
    feeModel,
    discountCode: discount ? discount.code : null,
    taxesInclusive,
    lines: pricedLines,
    subtotalMinor,
    discountMinor,
    feeMinor,
    taxMinor,
    taxes: taxes.map((t, k) => ({ ...t, amountMinor: toMinor(taxByName[k] ?? 0n) })),
    totalMinor,
    applicationFeeMinor,
    organizerNetMinor: totalMinor - applicationFeeMinor,
  };
}

export type DisplayUnitPriceInput = Omit<PriceOrderInput, "lines"> & {
  tierId: string;
  unitPriceMinor: number;
};

/**
 * What one ticket of a tier costs all-in (price − discount + service fee + exclusive taxes), for event
 * pages. It is exactly what a one-ticket order is charged; in a larger order the per-ticket share can differ
 * by a rounding cent because fees and taxes are rounded once per order.
 */
export function displayUnitPrice(input: DisplayUnitPriceInput): number {
  const { tierId, unitPriceMinor, ...rest } = input;
  return priceOrder({ ...rest, lines: [{ tierId, name: tierId, unitPriceMinor, quantity: 1 }] }).totalMinor;
}

function assertValidInput(input: PriceOrderInput): CurrencyCode {
  const currency = typeof input.currency === "string" ? input.currency.toLowerCase() : "";
  if (!isSupportedCurrency(currency))
    throw new PricingError("currency", `unsupported currency "${input.currency}"`);

  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    throw new PricingError("lines", "an order needs at least one line");
  }
  const tierIds = new Set<string>();
  input.lines.forEach((line, i) => {
    if (typeof line.tierId !== "string" || line.tierId === "") {
      throw new PricingError(`lines.${i}.tierId`, "is required");
    }
    if (tierIds.has(line.tierId))
      throw new PricingError(`lines.${i}.tierId`, "appears on more than one line");
    tierIds.add(line.tierId);
    assertInteger(line.unitPriceMinor, `lines.${i}.unitPriceMinor`, 0);
    assertInteger(line.quantity, `lines.${i}.quantity`, 1);
  });

  const { discount } = input;
  if (discount) {
    if (typeof discount.code !== "string" || discount.code.trim() === "") {
      throw new PricingError("discount.code", "is required");
    }
    if (discount.kind === "percent") assertInteger(discount.percentBps, "discount.percentBps", 0, 10_000);
    else if (discount.kind === "fixed") assertInteger(discount.amountMinor, "discount.amountMinor", 0);
    else throw new PricingError("discount.kind", "must be percent or fixed");
    if (discount.tierIds !== undefined && !Array.isArray(discount.tierIds)) {
      throw new PricingError("discount.tierIds", "must be a list of tier ids");
    }
  }

  if (!Array.isArray(input.taxes)) throw new PricingError("taxes", "must be a list");
  const names = new Set<string>();
  input.taxes.forEach((tax, i) => {
    const name = typeof tax.name === "string" ? tax.name.trim() : "";
    if (name === "") throw new PricingError(`taxes.${i}.name`, "is required");
    if (names.has(name.toLowerCase()))
      throw new PricingError(`taxes.${i}.name`, `duplicate tax name "${name}"`);
    names.add(name.toLowerCase());
    assertInteger(tax.rateBps, `taxes.${i}.rateBps`, 0, MAX_TAX_RATE_BPS);
    if (typeof tax.inclusive !== "boolean")
      throw new PricingError(`taxes.${i}.inclusive`, "must be true or false");
    if (tax.inclusive !== input.taxes[0]?.inclusive) {
      throw new PricingError(
        `taxes.${i}.inclusive`,
        "taxes must be all inclusive or all exclusive; mixing inclusive and exclusive taxes is not supported",
      );
    }
  });

  if (input.feeModel !== "buyer_pays" && input.feeModel !== "organizer_absorbs") {
    throw new PricingError("feeModel", "must be buyer_pays or organizer_absorbs");
  }
  const fee = input.platformFee;
  if (!fee) throw new PricingError("platformFee", "is required");
  assertInteger(fee.fixedMinor, "platformFee.fixedMinor", 0);
  assertInteger(fee.percentBps, "platformFee.percentBps", 0, MAX_PLATFORM_FEE_BPS);
  assertInteger(fee.minMinor, "platformFee.minMinor", 0);
  assertInteger(fee.maxMinor, "platformFee.maxMinor", 0);
  if (fee.minMinor > fee.maxMinor)
    throw new PricingError("platformFee.minMinor", "must not be more than maxMinor");
  return currency;
}

function assertInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new PricingError(field, "must be a whole number of minor units / basis points");
  }
  if (value < min || value > max) {
    throw new PricingError(
      field,
      max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be ${min}–${max}`,
    );
  }
}

/** round(n / d), halves up; n ≥ 0, d > 0. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((acc, v) => acc + v, 0n);
}

function sumBy<T>(items: readonly T[], pick: (item: T) => number): number {
  return toMinor(items.reduce((acc, item) => acc + BigInt(pick(item)), 0n));
}

function toMinor(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PricingError("lines", "order amounts are too large");
  return Number(value);
}
