import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadChargedTaxes, type ChargedLineItem } from "@/lib/checkout/charged-taxes";

const lines = [
  { subtotalMinor: 5_000, discountMinor: 0, feeMinor: 332 },
  { subtotalMinor: 6_000, discountMinor: 600, feeMinor: 240 },
];
const gst = (amountMinor: number) => ({ name: "GST", rateBps: 500, amountMinor });
const pst = (amountMinor: number) => ({ name: "PST", rateBps: 700, amountMinor });

describe("spreadChargedTaxes", () => {
  it("gives each line its line item's taxes and spreads the service fee's taxes by fee", () => {
    const items: ChargedLineItem[] = [
      { amountSubtotal: 5_000, taxes: [gst(250), pst(350)] },
      { amountSubtotal: 5_400, taxes: [gst(270), pst(378)] },
      { amountSubtotal: 572, taxes: [gst(29)] },
    ];
    const charged = spreadChargedTaxes(lines, items, 250 + 350 + 270 + 378 + 29);
    // Fee GST 29 over fees 332 : 240 = 16.83 : 12.17 → 17 + 12.
    expect(charged.lines).toEqual([
      {
        taxMinor: 617,
        taxes: [
          { ...gst(267), inclusive: false },
          { ...pst(350), inclusive: false },
        ],
      },
      {
        taxMinor: 660,
        taxes: [
          { ...gst(282), inclusive: false },
          { ...pst(378), inclusive: false },
        ],
      },
    ]);
    expect(charged.taxes).toEqual([
      { ...gst(549), inclusive: false },
      { ...pst(728), inclusive: false },
    ]);
  });

  it("falls back to one Tax line split by price when the line items do not match the order", () => {
    const charged = spreadChargedTaxes(lines, [{ amountSubtotal: 1, taxes: [gst(5)] }], 1_000);
    expect(charged.taxes).toEqual([{ name: "Tax", rateBps: 0, inclusive: false, amountMinor: 1_000 }]);
    // By what each line charged: 5332 : 5640 → 485.97 : 514.03.
    expect(charged.lines.map((l) => l.taxMinor)).toEqual([486, 514]);
  });

  it("always adds up to the tax Stripe charged, per line and per name", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            subtotalMinor: fc.integer({ min: 0, max: 50_000 }),
            discountMinor: fc.constant(0),
            feeMinor: fc.integer({ min: 0, max: 2_000 }),
            gst: fc.integer({ min: 0, max: 3_000 }),
            pst: fc.integer({ min: 0, max: 3_000 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 500 }),
        fc.boolean(),
        (rows, feeTax, detailed) => {
          const fees = rows.reduce((sum, r) => sum + r.feeMinor, 0);
          const items: ChargedLineItem[] = rows.map((r) => ({
            amountSubtotal: r.subtotalMinor,
            taxes: [gst(r.gst), pst(r.pst)],
          }));
          if (fees > 0) items.push({ amountSubtotal: fees, taxes: [gst(feeTax)] });
          const total = rows.reduce((sum, r) => sum + r.gst + r.pst, 0) + (fees > 0 ? feeTax : 0);
          const charged = spreadChargedTaxes(rows, detailed ? items : null, total);
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          if (rows.every((r) => r.subtotalMinor + r.feeMinor === 0) && total > 0) return;
          expect(sum(charged.lines.map((l) => l.taxMinor))).toBe(total);
          expect(sum(charged.taxes.map((t) => t.amountMinor))).toBe(total);
          for (const line of charged.lines)
            expect(sum(line.taxes.map((t) => t.amountMinor))).toBe(line.taxMinor);
        },
      ),
    );
  });
});
