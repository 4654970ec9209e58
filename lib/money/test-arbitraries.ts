// fast-check generators for random carts, shared by the money property tests (test-only module).
import fc from "fast-check";
import type { DiscountInput, PriceOrderInput, TaxLine } from "@/lib/money/price-order";

const taxesArb: fc.Arbitrary<TaxLine[]> = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([rates, inclusive, small]) =>
    // Mostly realistic rates (0–30%), sometimes anything up to 100%.
    rates.map((rate, i) => ({ name: `TAX${i}`, rateBps: small ? rate % 3_001 : rate, inclusive })),
  );

const linesArb = fc
  .array(
    fc.record({
      unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(0, 1, 2, 99, 100, 2_500)),
      quantity: fc.integer({ min: 1, max: 10 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((lines) => lines.map((l, i) => ({ ...l, tierId: `tier${i}`, name: `Tier ${i}` })));

function discountArb(tierIds: string[]): fc.Arbitrary<DiscountInput | null> {
  const scope = fc.subarray(tierIds);
  return fc.option(
    fc.oneof(
      fc.record({
        code: fc.constant("PCT"),
        kind: fc.constant("percent" as const),
        percentBps: fc.integer({ min: 0, max: 10_000 }),
        tierIds: scope,
      }),
      fc.record({
        code: fc.constant("FIX"),
        kind: fc.constant("fixed" as const),
        amountMinor: fc.integer({ min: 0, max: 60_000 }),
        tierIds: scope,
      }),
    ),
  );
}

const platformFeeArb = fc
  .record({
    fixedMinor: fc.integer({ min: 0, max: 500 }),
    percentBps: fc.integer({ min: 0, max: 5_000 }),
    minMinor: fc.integer({ min: 0, max: 500 }),
    spread: fc.integer({ min: 0, max: 5_000 }),
  })
  .map(({ spread, ...fee }) => ({ ...fee, maxMinor: fee.minMinor + spread }));

/** Random carts: 1–5 lines, prices 0–50,000, quantities 1–10, random discount, 0–3 taxes, both fee models. */
export const priceOrderInputArb: fc.Arbitrary<PriceOrderInput> = linesArb.chain((lines) =>
  fc.record({
    currency: fc.constantFrom("cad", "usd", "eur", "jpy"),
    lines: fc.constant(lines),
    discount: discountArb(lines.map((l) => l.tierId)),
    taxes: taxesArb,
    feeModel: fc.constantFrom("buyer_pays" as const, "organizer_absorbs" as const),
    platformFee: platformFeeArb,
  }),
);
