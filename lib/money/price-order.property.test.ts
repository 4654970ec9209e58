import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayUnitPrice,
  priceOrder,
  type PriceOrderInput,
  type PricedOrder,
} from "@/lib/money/price-order";
import { priceOrderInputArb } from "@/lib/money/test-arbitraries";

const RUNS = { numRuns: 500 };
const EPS = 1e-6;

/** Independent float oracle for one ticket's discount, base and platform fee. */
function oracle(input: PriceOrderInput, tierId: string, unitPrice: number) {
  const d = input.discount;
  const inScope = d && (!d.tierIds || d.tierIds.length === 0 || d.tierIds.includes(tierId));
  const discount = !inScope
    ? 0
    : d.kind === "percent"
      ? Math.min(unitPrice, Math.floor((unitPrice * d.percentBps) / 10_000 + 0.5))
      : Math.min(unitPrice, d.amountMinor);
  const base = unitPrice - discount;
  const { fixedMinor, percentBps, minMinor, maxMinor } = input.platformFee;
  const r = percentBps / 10_000;
  const raw = input.feeModel === "buyer_pays" ? (fixedMinor + base * r) / (1 - r) : fixedMinor + base * r;
  let fee = Math.min(Math.max(raw, minMinor), maxMinor);
  if (input.feeModel === "organizer_absorbs") fee = Math.min(fee, base);
  return { discount, base, fee: base === 0 ? 0 : fee };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function allAmounts(order: PricedOrder): number[] {
  const keys = ["subtotalMinor", "discountMinor", "feeMinor", "taxMinor", "totalMinor"] as const;
  return [
    ...keys.map((k) => order[k]),
    order.applicationFeeMinor,
    order.organizerNetMinor,
    ...order.taxes.map((t) => t.amountMinor),
    ...order.lines.flatMap((l) => [
      ...keys.map((k) => l[k]),
      l.applicationFeeMinor,
      l.unitDiscountMinor,
      ...l.taxes.map((t) => t.amountMinor),
    ]),
  ];
}

describe("priceOrder properties (random carts)", () => {
  it("line amounts sum exactly to the order amounts, per component and per tax name", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        for (const key of ["subtotalMinor", "discountMinor", "feeMinor", "taxMinor", "totalMinor"] as const) {
          expect(sum(order.lines.map((l) => l[key]))).toBe(order[key]);
        }
        expect(sum(order.lines.map((l) => l.applicationFeeMinor))).toBe(order.applicationFeeMinor);
        expect(sum(order.taxes.map((t) => t.amountMinor))).toBe(order.taxMinor);
        order.taxes.forEach((tax, k) => {
          expect(sum(order.lines.map((l) => l.taxes[k]?.amountMinor ?? NaN))).toBe(tax.amountMinor);
        });
        for (const line of order.lines) expect(sum(line.taxes.map((t) => t.amountMinor))).toBe(line.taxMinor);
      }),
      RUNS,
    );
  });

  it("has no negative or fractional amounts anywhere", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        for (const amount of allAmounts(priceOrder(input))) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it("total = subtotal − discount + fee + exclusive tax; net = total − application fee ≤ total", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        const exclusiveTax = order.taxesInclusive ? 0 : order.taxMinor;
        expect(order.totalMinor).toBe(
          order.subtotalMinor - order.discountMinor + order.feeMinor + exclusiveTax,
        );
        for (const l of order.lines) {
          expect(l.subtotalMinor).toBe(l.unitPriceMinor * l.quantity);
          expect(l.discountMinor).toBe(l.unitDiscountMinor * l.quantity);
          expect(l.totalMinor).toBe(
            l.subtotalMinor - l.discountMinor + l.feeMinor + (order.taxesInclusive ? 0 : l.taxMinor),
          );
        }
        expect(order.applicationFeeMinor).toBeLessThanOrEqual(order.totalMinor);
        expect(order.organizerNetMinor).toBe(order.totalMinor - order.applicationFeeMinor);
        if (order.totalMinor === 0) expect(order.applicationFeeMinor).toBe(0);
      }),
      RUNS,
    );
  });

  it("discounts follow the rules: rounded percent or fixed, never above the price, only in scope", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        order.lines.forEach((line) => {
          expect(line.unitDiscountMinor).toBe(oracle(input, line.tierId, line.unitPriceMinor).discount);
        });
      }),
      RUNS,
    );
  });

  it("fees match the exact per-ticket formula: order total within ½, each line within 1", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        const exact = order.lines.map((l) => oracle(input, l.tierId, l.unitPriceMinor).fee * l.quantity);
        expect(Math.abs(order.applicationFeeMinor - sum(exact))).toBeLessThanOrEqual(0.5 + EPS);
        order.lines.forEach((l, i) => {
          expect(Math.abs(l.applicationFeeMinor - (exact[i] ?? NaN))).toBeLessThan(1 + EPS);
          if (l.unitPriceMinor - l.unitDiscountMinor === 0) expect(l.applicationFeeMinor).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it("taxes match the exact rate on the discounted base: total within ½; lines, names and cells within 1", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        const rates = sum(input.taxes.map((t) => t.rateBps)) / 10_000;
        const factor = order.taxesInclusive ? rates / (1 + rates) : rates;
        const bases = order.lines.map((l) => l.subtotalMinor - l.discountMinor);
        expect(Math.abs(order.taxMinor - sum(bases) * factor)).toBeLessThanOrEqual(0.5 + EPS);
        const totalRate = sum(input.taxes.map((t) => t.rateBps));
        order.taxes.forEach((tax, k) => {
          const exactName = totalRate === 0 ? 0 : (order.taxMinor * tax.rateBps) / totalRate;
          expect(Math.abs(tax.amountMinor - exactName)).toBeLessThan(1);
          order.lines.forEach((line) => {
            const exactCell = order.taxMinor === 0 ? 0 : (line.taxMinor * tax.amountMinor) / order.taxMinor;
            expect(Math.abs((line.taxes[k]?.amountMinor ?? NaN) - exactCell)).toBeLessThan(1);
          });
        });
        order.lines.forEach((line, i) => {
          const exactLine = sum(bases) === 0 ? 0 : (order.taxMinor * (bases[i] ?? 0)) / sum(bases);
          expect(Math.abs(line.taxMinor - exactLine)).toBeLessThan(1);
          // An included tax never exceeds the price it is included in.
          if (order.taxesInclusive) expect(line.taxMinor).toBeLessThanOrEqual(bases[i] ?? NaN);
        });
      }),
      RUNS,
    );
  });

  it("buyer_pays: the fee line is the application fee and the organizer nets exactly base + exclusive taxes", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder({ ...input, feeModel: "buyer_pays" });
        const base = order.subtotalMinor - order.discountMinor;
        expect(order.applicationFeeMinor).toBe(order.feeMinor);
        expect(order.organizerNetMinor).toBe(base + (order.taxesInclusive ? 0 : order.taxMinor));
      }),
      RUNS,
    );
  });

  it("buyer_pays gross-up: unclamped, the platform keeps fixed per paid ticket + r × (base + fee), within ½", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const platformFee = { ...input.platformFee, minMinor: 0, maxMinor: 1_000_000 };
        const order = priceOrder({ ...input, feeModel: "buyer_pays", platformFee });
        const paidTickets = sum(
          order.lines.map((l) => (l.unitPriceMinor > l.unitDiscountMinor ? l.quantity : 0)),
        );
        const base = order.subtotalMinor - order.discountMinor;
        const kept =
          paidTickets * platformFee.fixedMinor + (platformFee.percentBps / 10_000) * (base + order.feeMinor);
        expect(Math.abs(order.applicationFeeMinor - kept)).toBeLessThanOrEqual(0.5 + EPS);
      }),
      RUNS,
    );
  });

  it("organizer_absorbs: no fee line; the application fee never eats into the taxes", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder({ ...input, feeModel: "organizer_absorbs" });
        expect(order.feeMinor).toBe(0);
        expect(order.applicationFeeMinor).toBeLessThanOrEqual(order.subtotalMinor - order.discountMinor);
        expect(order.organizerNetMinor).toBeGreaterThanOrEqual(order.taxesInclusive ? 0 : order.taxMinor);
      }),
      RUNS,
    );
  });

  it("displayUnitPrice is a one-ticket order's total, and never below the discounted price", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const line = input.lines[0]!;
        const shown = displayUnitPrice({
          currency: input.currency,
          discount: input.discount,
          taxes: input.taxes,
          feeModel: input.feeModel,
          platformFee: input.platformFee,
          tierId: line.tierId,
          unitPriceMinor: line.unitPriceMinor,
        });
        const single = priceOrder({ ...input, lines: [{ ...line, quantity: 1 }] });
        expect(shown).toBe(single.totalMinor);
        expect(shown).toBeGreaterThanOrEqual(
          line.unitPriceMinor - (single.lines[0]?.unitDiscountMinor ?? NaN),
        );
      }),
      RUNS,
    );
  });

  it("is deterministic and independent of input object identity", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        expect(priceOrder(structuredClone(input))).toEqual(priceOrder(input));
      }),
      { numRuns: 100 },
    );
  });
});
