/**
 * The one pricing function. Checkout, the order record, the dashboard and refunds all use priceOrder, so
 * every surface shows the same numbers. Pure: no I/O, no env, no clock; every setting comes in as input.
 *
 * Rules (all amounts are integer minor units of `currency`; rates are basis points, 10_000 = 100%):
 * - Discount, per ticket, only on tiers in the discount's scope (empty scope = every tier):
 *   percent → round_half_up(unit price × percentBps / 10_000); fixed → amountMinor; never more than the
 *   unit price. `base` = unit price − discount, the price the organizer sells the ticket for (pre-tax).
 *   A ticket whose base is 0 is free and carries no fee.
 * - Taxes apply to `base` (not to the service fee); every tax uses the same base; all taxes are exclusive
 *   or all inclusive. Exclusive: tax = base × Σrates, added on top. Inclusive: the base already contains
 *   it: tax = base − base / (1 + Σrates) = base × Σrates / (1 + Σrates).
 * - Platform fee per paid ticket, computed on `base` (never on taxes), with r = percentBps / 10_000:
 *   - buyer_pays: the buyer pays a visible service fee grossed up so the platform's cut is
 *     `fixed + r × (base + fee)`, i.e. fee = (fixed + base × r) / (1 − r), clamped to [min, max].
 *     The application fee IS that fee line, so the organizer nets exactly base + exclusive taxes.
 *   - organizer_absorbs: no fee line; application fee = fixed + base × r, clamped to [min, max] and never
 *     more than the ticket's base net of inclusive taxes (the organizer always keeps the taxes it must
 *     remit: net ≥ tax, also after rounding).
 * - Rounding: PER TICKET, then summed. Each ticket's fee, tax and application fee is its exact value
 *   rounded half-up; the ticket's tax is split between the tax names by rate (largest remainder). Every
 *   ticket of a line costs the same, so line = ticket × quantity and the all-in price shown for one ticket
 *   (unitTotalMinor, displayUnitPrice) times the quantity, summed over the lines, is what is charged.
 *   Named taxes sum to each ticket's tax, each line's tax and the order's tax.
 * - totalMinor = subtotal − discount + fee + (exclusive ? tax : 0), per ticket, per line and per order.
 *   applicationFeeMinor ≤ totalMinor; organizerNetMinor = total − application fee; a zero total has a
 *   zero application fee.
 */
import { allocateBig } from "@/lib/money/allocate";
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
  /** Service fee on one ticket (0 when the organizer absorbs it). */
  unitFeeMinor: number;
  /** Tax on one ticket. */
  unitTaxMinor: number;
  /** What one ticket costs all in: price − discount + fee + exclusive tax. Line total = this × quantity. */
  unitTotalMinor: number;
  /** The platform's cut of one ticket. */
  unitApplicationFeeMinor: number;
  /** unitPriceMinor × quantity. */
  subtotalMinor: number;
  discountMinor: number;
  /** Service fee the buyer pays (0 when the organizer absorbs it). */
  feeMinor: number;
  taxMinor: number;
  taxes: TaxAmount[];
  /** subtotal − discount + fee + exclusive tax. */
  totalMinor: number;
  /** This line's part of the order's application fee (ticket's × quantity). */
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
  const rates = taxes.map((t) => BigInt(t.rateBps));
  const rateSum = sum(rates);

  // Per-ticket platform fee as an exact fraction (fixed × BPS + base × percent) / feeDenominator.
  const fixed = BigInt(platformFee.fixedMinor);
  const percent = BigInt(platformFee.percentBps);
  const feeDenominator = feeModel === "buyer_pays" ? BPS - percent : BPS;
  const min = BigInt(platformFee.minMinor) * feeDenominator;
  const max = BigInt(platformFee.maxMinor) * feeDenominator;

  const lines: PricedLine[] = input.lines.map((line) => {
    const unitPrice = BigInt(line.unitPriceMinor);
    let unitDiscount = 0n;
    if (discount && (scope.size === 0 || scope.has(line.tierId))) {
      unitDiscount =
        discount.kind === "percent"
          ? roundHalfUp(unitPrice * BigInt(discount.percentBps), BPS)
          : BigInt(discount.amountMinor);
      if (unitDiscount > unitPrice) unitDiscount = unitPrice;
    }
    const base = unitPrice - unitDiscount;
    const tax = roundHalfUp(base * rateSum, taxesInclusive ? BPS + rateSum : BPS);
    const taxByName = rateSum === 0n ? rates.map(() => 0n) : allocateBig(tax, rates);
    const platform =
      base === 0n ? 0n : roundHalfUp(clamp(fixed * BPS + base * percent, min, max), feeDenominator);
    // Absorbed: never more than what the organizer keeps of the ticket net of the tax it must remit.
    const keptBeforeFee = base - (taxesInclusive ? tax : 0n);
    const applicationFee =
      feeModel === "organizer_absorbs" && platform > keptBeforeFee ? keptBeforeFee : platform;
    const fee = feeModel === "buyer_pays" ? platform : 0n;
    const unitTotal = base + fee + (taxesInclusive ? 0n : tax);

    const quantity = BigInt(line.quantity);
    return {
      tierId: line.tierId,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      unitDiscountMinor: toMinor(unitDiscount),
      unitFeeMinor: toMinor(fee),
      unitTaxMinor: toMinor(tax),
      unitTotalMinor: toMinor(unitTotal),
      unitApplicationFeeMinor: toMinor(applicationFee),
      subtotalMinor: toMinor(unitPrice * quantity),
      discountMinor: toMinor(unitDiscount * quantity),
      feeMinor: toMinor(fee * quantity),
      taxMinor: toMinor(tax * quantity),
      taxes: taxes.map((t, k) => ({ ...t, amountMinor: toMinor((taxByName[k] ?? 0n) * quantity) })),
      totalMinor: toMinor(unitTotal * quantity),
      applicationFeeMinor: toMinor(applicationFee * quantity),
    };
  });

  const totalMinor = sumBy(lines, (l) => l.totalMinor);
  const applicationFeeMinor = sumBy(lines, (l) => l.applicationFeeMinor);
  return {
    currency,
    feeModel,
    discountCode: discount ? discount.code : null,
    taxesInclusive,
    lines,
    subtotalMinor: sumBy(lines, (l) => l.subtotalMinor),
    discountMinor: sumBy(lines, (l) => l.discountMinor),
    feeMinor: sumBy(lines, (l) => l.feeMinor),
    taxMinor: sumBy(lines, (l) => l.taxMinor),
    taxes: taxes.map((t, k) => ({ ...t, amountMinor: sumBy(lines, (l) => l.taxes[k]?.amountMinor ?? 0) })),
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
 * pages. Prices are rounded per ticket, so this times the quantity is exactly what any order charges for
 * that tier's tickets.
 */
export function displayUnitPrice(input: DisplayUnitPriceInput): number {
  const { tierId, unitPriceMinor, ...rest } = input;
  const [line] = priceOrder({
    ...rest,
    lines: [{ tierId, name: tierId, unitPriceMinor, quantity: 1 }],
  }).lines;
  return line?.unitTotalMinor ?? 0;
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
