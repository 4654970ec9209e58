import { describe, expect, it } from "vitest";
import { displayUnitPrice, priceOrder, PricingError, type PriceOrderInput } from "@/lib/money/price-order";

const GST_PST = [
  { name: "GST", rateBps: 500, inclusive: false },
  { name: "PST", rateBps: 700, inclusive: false },
];
const FEE = { fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2_000 };

function twoGa(overrides: Partial<PriceOrderInput> = {}): PriceOrderInput {
  return {
    currency: "cad",
    lines: [{ tierId: "ga", name: "General admission", unitPriceMinor: 2_500, quantity: 2 }],
    taxes: GST_PST,
    feeModel: "buyer_pays",
    platformFee: FEE,
    ...overrides,
  };
}

describe("priceOrder: 2 × CA$25, GST 5% + PST 7% exclusive, fee 99¢ + 2.5% (max $20)", () => {
  it("buyer pays a grossed-up service fee; the organizer nets price + taxes", () => {
    // Per ticket: fee (99 + 2500 × 2.5%) / (1 − 2.5%) = 161.5 / 0.975 = 165.641… → 166; GST 125, PST 175;
    // 2500 + 166 + 300 = 2966. Two tickets: 5932 (rounded per ticket, so "CA$29.66 each" × 2 is what is paid).
    const order = priceOrder(twoGa());
    expect(order.lines).toEqual([
      {
        tierId: "ga",
        name: "General admission",
        quantity: 2,
        unitPriceMinor: 2_500,
        unitDiscountMinor: 0,
        unitFeeMinor: 166,
        unitTaxMinor: 300,
        unitTotalMinor: 2_966,
        unitApplicationFeeMinor: 166,
        subtotalMinor: 5_000,
        discountMinor: 0,
        feeMinor: 332,
        taxMinor: 600,
        taxes: [
          { name: "GST", rateBps: 500, inclusive: false, amountMinor: 250 },
          { name: "PST", rateBps: 700, inclusive: false, amountMinor: 350 },
        ],
        totalMinor: 5_932,
        applicationFeeMinor: 332,
      },
    ]);
    expect(order).toMatchObject({
      currency: "cad",
      feeModel: "buyer_pays",
      discountCode: null,
      taxesInclusive: false,
      subtotalMinor: 5_000,
      discountMinor: 0,
      feeMinor: 332,
      taxMinor: 600,
      taxes: [
        { name: "GST", amountMinor: 250 },
        { name: "PST", amountMinor: 350 },
      ],
      totalMinor: 5_932,
      applicationFeeMinor: 332,
      organizerNetMinor: 5_600,
    });
  });

  it("organizer absorbs: no fee line, the application fee comes out of the organizer's share", () => {
    // Per ticket 99 + 62.5 = 161.5 → 162; × 2 = 324.
    const order = priceOrder(twoGa({ feeModel: "organizer_absorbs" }));
    expect(order.lines[0]).toMatchObject({
      feeMinor: 0,
      taxMinor: 600,
      totalMinor: 5_600,
      unitApplicationFeeMinor: 162,
      applicationFeeMinor: 324,
    });
    expect(order).toMatchObject({
      feeMinor: 0,
      taxMinor: 600,
      totalMinor: 5_600,
      applicationFeeMinor: 324,
      organizerNetMinor: 5_276,
    });
  });

  it("shows one ticket's all-in price for event pages", () => {
    // 2500 + round(165.64) + 300 tax.
    const { lines, ...rest } = twoGa();
    expect(lines).toHaveLength(1);
    expect(displayUnitPrice({ ...rest, tierId: "ga", unitPriceMinor: 2_500 })).toBe(2_966);
    expect(
      displayUnitPrice({ ...rest, feeModel: "organizer_absorbs", tierId: "ga", unitPriceMinor: 2_500 }),
    ).toBe(2_800);
  });

  it("charges the shown price per ticket times the quantity (was: CA$29.66 each, CA$59.31 for two)", () => {
    const { lines, ...rest } = twoGa();
    const each = displayUnitPrice({ ...rest, tierId: "ga", unitPriceMinor: 2_500 });
    expect(lines[0]?.quantity).toBe(2);
    expect(priceOrder(twoGa()).totalMinor).toBe(each * 2);
  });
});

describe("priceOrder: inclusive taxes", () => {
  it("extracts base × Σr / (1 + Σr) and splits it between the names by rate", () => {
    // Per ticket 2500 × 1200 / 11200 = 267.86 → 268; GST 268 × 5/12 = 111.67, PST 156.33 → 112 + 156.
    const order = priceOrder(twoGa({ taxes: GST_PST.map((t) => ({ ...t, inclusive: true })) }));
    expect(order).toMatchObject({
      taxesInclusive: true,
      subtotalMinor: 5_000,
      feeMinor: 332,
      taxMinor: 536,
      taxes: [
        { name: "GST", inclusive: true, amountMinor: 224 },
        { name: "PST", inclusive: true, amountMinor: 312 },
      ],
      totalMinor: 5_332,
      applicationFeeMinor: 332,
      organizerNetMinor: 5_000,
    });
    expect(order.lines[0]).toMatchObject({ taxMinor: 536, totalMinor: 5_332 });
  });

  it("organizer absorbs: the fee is capped at the price net of the included tax (CA$1.00, GST + PST)", () => {
    // Tax 100 × 1200 / 11200 = 10.71 → 11. Fee 99 + 2.5 = 101.5 → 102, capped at 100 − 11 = 89: the
    // organizer keeps exactly the 11 of tax it must remit (it used to take 100 and leave 0).
    const order = priceOrder(
      twoGa({
        lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 100, quantity: 1 }],
        taxes: GST_PST.map((t) => ({ ...t, inclusive: true })),
        feeModel: "organizer_absorbs",
      }),
    );
    expect(order).toMatchObject({
      totalMinor: 100,
      taxMinor: 11,
      applicationFeeMinor: 89,
      organizerNetMinor: 11,
    });
  });
});

describe("priceOrder: discounts", () => {
  it("applies a 10% code to its tier only; fee and tax are rounded per ticket", () => {
    const order = priceOrder({
      currency: "cad",
      lines: [
        { tierId: "ga", name: "GA", unitPriceMinor: 2_500, quantity: 2 },
        { tierId: "vip", name: "VIP", unitPriceMinor: 7_999, quantity: 1 },
      ],
      discount: { code: "VIP10", kind: "percent", percentBps: 1_000, tierIds: ["vip"] },
      taxes: [{ name: "GST", rateBps: 500, inclusive: false }],
      feeModel: "buyer_pays",
      platformFee: FEE,
    });
    // VIP discount round(799.9) = 800 → base 7199. Fees per ticket: GA 165.641 → 166, VIP (99 + 179.975) /
    // 0.975 = 286.13 → 286. GST per ticket: GA 125, VIP 359.95 → 360.
    expect(order.lines.map((l) => [l.discountMinor, l.feeMinor, l.taxMinor, l.totalMinor])).toEqual([
      [0, 332, 250, 5_582],
      [800, 286, 360, 7_845],
    ]);
    expect(order).toMatchObject({
      discountCode: "VIP10",
      subtotalMinor: 12_999,
      discountMinor: 800,
      feeMinor: 618,
      taxMinor: 610,
      totalMinor: 13_427,
      applicationFeeMinor: 618,
      organizerNetMinor: 12_809,
    });
  });

  it("clamps a fixed discount bigger than the price to free: no fee, no tax, zero application fee", () => {
    const order = priceOrder(
      twoGa({
        lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 1_500, quantity: 3 }],
        discount: { code: "COMP", kind: "fixed", amountMinor: 2_000 },
      }),
    );
    expect(order.lines[0]).toMatchObject({
      unitDiscountMinor: 1_500,
      discountMinor: 4_500,
      feeMinor: 0,
      totalMinor: 0,
    });
    expect(order).toMatchObject({
      totalMinor: 0,
      feeMinor: 0,
      taxMinor: 0,
      applicationFeeMinor: 0,
      organizerNetMinor: 0,
    });
  });

  it("charges no fee on free tickets beside paid ones, even with a minimum fee", () => {
    const order = priceOrder(
      twoGa({
        lines: [
          { tierId: "free", name: "Free", unitPriceMinor: 0, quantity: 4 },
          { tierId: "ga", name: "GA", unitPriceMinor: 2_500, quantity: 1 },
        ],
        platformFee: { ...FEE, minMinor: 200 },
      }),
    );
    expect(order.lines.map((l) => l.feeMinor)).toEqual([0, 200]);
  });
});

describe("priceOrder: clamps", () => {
  it("caps the per-ticket fee at the maximum and lifts it to the minimum", () => {
    const big = priceOrder(
      twoGa({ lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 100_000, quantity: 3 }] }),
    );
    expect(big.feeMinor).toBe(6_000); // 3 × $20 instead of 3 × $26.66
    const small = priceOrder(
      twoGa({
        lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 100, quantity: 2 }],
        platformFee: { ...FEE, minMinor: 150 },
      }),
    );
    expect(small.feeMinor).toBe(300);
  });

  it("never takes more than the ticket price when the organizer absorbs the fee", () => {
    const order = priceOrder(
      twoGa({
        lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 100, quantity: 2 }],
        feeModel: "organizer_absorbs",
        platformFee: { ...FEE, minMinor: 150 },
      }),
    );
    // Min fee 150 > price 100: capped at 100 per ticket; the organizer keeps the 24 of taxes it owes.
    expect(order).toMatchObject({ totalMinor: 224, applicationFeeMinor: 200, organizerNetMinor: 24 });
  });
});

describe("priceOrder: zero-decimal currencies", () => {
  it("prices JPY in whole yen", () => {
    // Fee per ticket (50 + 75) / 0.975 = 128.2 → 128, × 3 = 384. Tax per ticket 3000 / 11 = 272.7 → 273.
    const order = priceOrder({
      currency: "jpy",
      lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 3_000, quantity: 3 }],
      taxes: [{ name: "Consumption tax", rateBps: 1_000, inclusive: true }],
      feeModel: "buyer_pays",
      platformFee: { fixedMinor: 50, percentBps: 250, minMinor: 0, maxMinor: 1_000 },
    });
    expect(order).toMatchObject({
      currency: "jpy",
      subtotalMinor: 9_000,
      feeMinor: 384,
      taxMinor: 819,
      totalMinor: 9_384,
      applicationFeeMinor: 384,
      organizerNetMinor: 9_000,
    });
  });

  it("accepts an upper-case currency code and reports it lower-case", () => {
    expect(priceOrder(twoGa({ currency: "CAD" })).currency).toBe("cad");
  });
});

describe("priceOrder: validation", () => {
  const line = { tierId: "ga", name: "GA", unitPriceMinor: 2_500, quantity: 1 };
  const cases: [string, PriceOrderInput, string][] = [
    ["negative price", twoGa({ lines: [{ ...line, unitPriceMinor: -1 }] }), "lines.0.unitPriceMinor"],
    ["fractional price", twoGa({ lines: [{ ...line, unitPriceMinor: 25.5 }] }), "lines.0.unitPriceMinor"],
    ["zero quantity", twoGa({ lines: [line, { ...line, tierId: "vip", quantity: 0 }] }), "lines.1.quantity"],
    ["fractional quantity", twoGa({ lines: [{ ...line, quantity: 1.5 }] }), "lines.0.quantity"],
    ["duplicate tier", twoGa({ lines: [line, line] }), "lines.1.tierId"],
    ["no lines", twoGa({ lines: [] }), "lines"],
    ["unknown currency", twoGa({ currency: "xyz" }), "currency"],
    [
      "tax rate above 100%",
      twoGa({ taxes: [{ name: "GST", rateBps: 10_001, inclusive: false }] }),
      "taxes.0.rateBps",
    ],
    [
      "negative tax rate",
      twoGa({ taxes: [{ name: "GST", rateBps: -5, inclusive: false }] }),
      "taxes.0.rateBps",
    ],
    ["duplicate tax name", twoGa({ taxes: [GST_PST[0]!, { ...GST_PST[1]!, name: "gst" }] }), "taxes.1.name"],
    [
      "mixed inclusive/exclusive taxes",
      twoGa({ taxes: [GST_PST[0]!, { ...GST_PST[1]!, inclusive: true }] }),
      "taxes.1.inclusive",
    ],
    [
      "platform percent too high",
      twoGa({ platformFee: { ...FEE, percentBps: 5_001 } }),
      "platformFee.percentBps",
    ],
    ["negative fixed fee", twoGa({ platformFee: { ...FEE, fixedMinor: -1 } }), "platformFee.fixedMinor"],
    [
      "min above max",
      twoGa({ platformFee: { ...FEE, minMinor: 500, maxMinor: 400 } }),
      "platformFee.minMinor",
    ],
    [
      "percent discount above 100%",
      twoGa({ discount: { code: "X", kind: "percent", percentBps: 10_001 } }),
      "discount.percentBps",
    ],
    [
      "negative fixed discount",
      twoGa({ discount: { code: "X", kind: "fixed", amountMinor: -1 } }),
      "discount.amountMinor",
    ],
  ];

  it.each(cases)("rejects %s", (_label, input, field) => {
    let error: unknown;
    try {
      priceOrder(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PricingError);
    expect((error as PricingError).field).toBe(field);
    expect((error as PricingError).code).toBe("validation");
    expect((error as PricingError).status).toBe(422);
  });

  it("explains why mixing inclusive and exclusive taxes is refused", () => {
    expect(() => priceOrder(twoGa({ taxes: [GST_PST[0]!, { ...GST_PST[1]!, inclusive: true }] }))).toThrow(
      /all inclusive or all exclusive/,
    );
  });
});
