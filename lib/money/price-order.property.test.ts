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
      l.unitFeeMinor,
      l.unitTaxMinor,
      l.unitTotalMinor,
      l.unitApplicationFeeMinor,
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

  it("rounds per ticket: every ticket of a line costs the same and the line is the ticket × quantity", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        for (const l of priceOrder(input).lines) {
          expect(l.feeMinor).toBe(l.unitFeeMinor * l.quantity);
          expect(l.taxMinor).toBe(l.unitTaxMinor * l.quantity);
          expect(l.totalMinor).toBe(l.unitTotalMinor * l.quantity);
          expect(l.applicationFeeMinor).toBe(l.unitApplicationFeeMinor * l.quantity);
          for (const t of l.taxes) expect(t.amountMinor % l.quantity).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it("fees match the exact per-ticket formula within ½ per ticket", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        order.lines.forEach((l) => {
          const exact = oracle(input, l.tierId, l.unitPriceMinor).fee;
          const platform = input.feeModel === "buyer_pays" ? l.unitFeeMinor : l.unitApplicationFeeMinor;
          const base = l.unitPriceMinor - l.unitDiscountMinor;
          const cap = base - (order.taxesInclusive ? l.unitTaxMinor : 0);
          // Absorbed fees may be lowered to the cap (base net of included tax), never raised.
          if (input.feeModel === "organizer_absorbs" && platform === cap && exact > cap) return;
          expect(Math.abs(platform - exact)).toBeLessThanOrEqual(0.5 + EPS);
          if (base === 0) expect(l.applicationFeeMinor).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it("taxes match the exact rate on the discounted base: each ticket within ½, each name within 1", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        const rates = sum(input.taxes.map((t) => t.rateBps)) / 10_000;
        const factor = order.taxesInclusive ? rates / (1 + rates) : rates;
        const totalRate = sum(input.taxes.map((t) => t.rateBps));
        order.lines.forEach((line) => {
          const base = line.unitPriceMinor - line.unitDiscountMinor;
          expect(Math.abs(line.unitTaxMinor - base * factor)).toBeLessThanOrEqual(0.5 + EPS);
          line.taxes.forEach((tax) => {
            const perTicket = tax.amountMinor / line.quantity;
            const exactName = totalRate === 0 ? 0 : (line.unitTaxMinor * tax.rateBps) / totalRate;
            expect(Math.abs(perTicket - exactName)).toBeLessThan(1);
          });
          // An included tax never exceeds the price it is included in.
          if (order.taxesInclusive) expect(line.unitTaxMinor).toBeLessThanOrEqual(base);
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

  it("buyer_pays gross-up: unclamped, the platform keeps fixed + r × (base + fee) per paid ticket, within ½", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const platformFee = { ...input.platformFee, minMinor: 0, maxMinor: 1_000_000 };
        const order = priceOrder({ ...input, feeModel: "buyer_pays", platformFee });
        const r = platformFee.percentBps / 10_000;
        for (const l of order.lines) {
          const base = l.unitPriceMinor - l.unitDiscountMinor;
          if (base === 0) continue;
          const kept = platformFee.fixedMinor + r * (base + l.unitFeeMinor);
          expect(Math.abs(l.unitApplicationFeeMinor - kept)).toBeLessThanOrEqual(0.5 + EPS);
        }
      }),
      RUNS,
    );
  });

  it("the organizer never nets below the tax it must remit (both fee models, per ticket and per order)", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const order = priceOrder(input);
        expect(order.organizerNetMinor).toBeGreaterThanOrEqual(order.taxMinor);
        for (const l of order.lines) {
          expect(l.unitTotalMinor - l.unitApplicationFeeMinor).toBeGreaterThanOrEqual(l.unitTaxMinor);
        }
        if (order.feeModel === "organizer_absorbs") {
          expect(order.feeMinor).toBe(0);
          expect(order.applicationFeeMinor).toBeLessThanOrEqual(order.subtotalMinor - order.discountMinor);
        }
      }),
      RUNS,
    );
  });

  it("the all-in price shown per ticket × quantity, summed over the tiers, is exactly what is charged", () => {
    fc.assert(
      fc.property(priceOrderInputArb, (input) => {
        const { lines, ...rest } = input;
        const shown = lines.map(
          (line) =>
            displayUnitPrice({ ...rest, tierId: line.tierId, unitPriceMinor: line.unitPriceMinor }) *
            line.quantity,
        );
        expect(sum(shown)).toBe(priceOrder(input).totalMinor);
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
