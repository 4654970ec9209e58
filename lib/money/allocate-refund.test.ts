import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateRefund, refundForTickets, type RefundAllocation } from "@/lib/money/allocate-refund";
import { priceOrder, PricingError, type PricedOrder } from "@/lib/money/price-order";
import { priceOrderInputArb } from "@/lib/money/test-arbitraries";

const RUNS = { numRuns: 300 };

// 2 × CA$25, GST 5% + PST 7%, buyer pays 99¢ + 2.5%: per ticket fee 166, GST 125, PST 175: total 5932.
const order = priceOrder({
  currency: "cad",
  lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 2_500, quantity: 2 }],
  taxes: [
    { name: "GST", rateBps: 500, inclusive: false },
    { name: "PST", rateBps: 700, inclusive: false },
  ],
  feeModel: "buyer_pays",
  platformFee: { fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2_000 },
});

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PricingError) return e.field;
    throw e;
  }
  return undefined;
}

describe("refundForTickets", () => {
  it("refunds whole tickets at exactly what each was charged; the fee part is the platform's", () => {
    const first = refundForTickets(order, { ga: 1 });
    expect(first).toMatchObject({
      amountMinor: 2_966,
      subtotalMinor: 2_500,
      feeMinor: 166,
      taxMinor: 300,
      applicationFeeMinor: 166,
    });
    expect(first.taxes.map((t) => t.amountMinor)).toEqual([125, 175]);
    const second = refundForTickets(order, { ga: 1 }, { alreadyRefunded: { ga: 1 } });
    expect(second).toEqual(first);
    expect(first.amountMinor + second.amountMinor).toBe(order.totalMinor);
    expect(refundForTickets(order, { ga: 2 }).amountMinor).toBe(order.totalMinor);
  });

  it("$10 + $100, buyer pays the fee: refunding the $10 ticket takes exactly its 127¢ fee from the platform", () => {
    const cart = priceOrder({
      currency: "usd",
      lines: [
        { tierId: "ten", name: "Ten", unitPriceMinor: 1_000, quantity: 1 },
        { tierId: "hundred", name: "Hundred", unitPriceMinor: 10_000, quantity: 1 },
      ],
      taxes: [],
      feeModel: "buyer_pays",
      platformFee: { fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2_000 },
    });
    const refund = refundForTickets(cart, { ten: 1 });
    expect(refund).toMatchObject({ amountMinor: 1_127, feeMinor: 127, applicationFeeMinor: 127 });
    // The organizer gives back exactly the $10.00 the ticket netted it.
    expect(refund.amountMinor - refund.applicationFeeMinor).toBe(1_000);
  });

  it("organizer absorbs: a ticket refund takes the ticket's absorbed fee back from the platform", () => {
    const absorbed = priceOrder({
      currency: "cad",
      lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 100, quantity: 3 }],
      taxes: [
        { name: "GST", rateBps: 500, inclusive: true },
        { name: "PST", rateBps: 700, inclusive: true },
      ],
      feeModel: "organizer_absorbs",
      platformFee: { fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2_000 },
    });
    // Per ticket: 100 charged, 11 tax included, fee capped at 89: the organizer keeps 11.
    const refund = refundForTickets(absorbed, { ga: 1 });
    expect(refund).toMatchObject({ amountMinor: 100, taxMinor: 11, feeMinor: 0, applicationFeeMinor: 89 });
  });

  it("rejects unknown tiers, too many tickets and empty refunds", () => {
    expect(fieldOf(() => refundForTickets(order, { vip: 1 }))).toBe("tickets.vip");
    expect(fieldOf(() => refundForTickets(order, { ga: 3 }))).toBe("tickets.ga");
    expect(fieldOf(() => refundForTickets(order, { ga: 1 }, { alreadyRefunded: { ga: 2 } }))).toBe(
      "tickets.ga",
    );
    expect(fieldOf(() => refundForTickets(order, { ga: 0 }))).toBe("tickets");
    expect(fieldOf(() => refundForTickets(order, { ga: 1.5 }))).toBe("tickets.ga");
  });
});

describe("allocateRefund", () => {
  it("splits an amount over price, fee and each tax by largest remainder", () => {
    // Shares of 1000 over [5000, 0, 332, 250, 350] / 5932: 842.89, 0, 55.97, 42.14, 59.00 → 843, 0, 56, 42, 59.
    const refund = allocateRefund(order, 1_000);
    expect(refund).toMatchObject({
      amountMinor: 1_000,
      subtotalMinor: 843,
      discountMinor: 0,
      feeMinor: 56,
      taxMinor: 101,
      applicationFeeMinor: 56,
    });
    expect(refund.taxes.map((t) => [t.name, t.amountMinor])).toEqual([
      ["GST", 42],
      ["PST", 59],
    ]);
    expect(refund.lines[0]).toMatchObject({ tierId: "ga", ticketCount: 0, totalMinor: 1_000 });
  });

  it("refunds the rest exactly after earlier refunds", () => {
    const first = refundForTickets(order, { ga: 1 });
    const rest = allocateRefund(order, order.totalMinor - first.amountMinor, { alreadyRefunded: [first] });
    expect(rest).toMatchObject({ amountMinor: 2_966, subtotalMinor: 2_500, feeMinor: 166, taxMinor: 300 });
  });

  it("rejects amounts outside 1..what is left", () => {
    expect(fieldOf(() => allocateRefund(order, 0))).toBe("amountMinor");
    expect(fieldOf(() => allocateRefund(order, order.totalMinor + 1))).toBe("amountMinor");
    expect(fieldOf(() => allocateRefund(order, 10.5))).toBe("amountMinor");
    const all = allocateRefund(order, order.totalMinor);
    expect(fieldOf(() => allocateRefund(order, 1, { alreadyRefunded: [all] }))).toBe("amountMinor");
    expect(fieldOf(() => allocateRefund(order, 1, { alreadyRefunded: [all, all] }))).toBe(
      "alreadyRefunded.lines.0",
    );
  });

  it("splits the price part of a discounted line into subtotal and discount", () => {
    const discounted = priceOrder({
      currency: "usd",
      lines: [{ tierId: "ga", name: "GA", unitPriceMinor: 4_000, quantity: 1 }],
      discount: { code: "HALF", kind: "percent", percentBps: 5_000 },
      taxes: [],
      feeModel: "organizer_absorbs",
      platformFee: { fixedMinor: 0, percentBps: 0, minMinor: 0, maxMinor: 0 },
    });
    // Charged 4000 − 2000 = 2000; refunding 500 is a quarter: 1000 of price, 500 of discount.
    expect(allocateRefund(discounted, 500)).toMatchObject({
      subtotalMinor: 1_000,
      discountMinor: 500,
      amountMinor: 500,
    });
  });
});

// ----- properties -------------------------------------------------------------------------------------

function components(o: PricedOrder | RefundAllocation) {
  return {
    subtotal: o.lines.map((l) => l.subtotalMinor),
    discount: o.lines.map((l) => l.discountMinor),
    fee: o.lines.map((l) => l.feeMinor),
    tax: o.lines.map((l) => l.taxMinor),
    taxes: o.lines.map((l) => l.taxes.map((t) => t.amountMinor)),
    total: o.lines.map((l) => l.totalMinor),
  };
}

/** Adds refunds up per line and component. */
function addUp(priced: PricedOrder, refunds: RefundAllocation[]) {
  const acc = components(priced);
  const zero = (xs: number[]) => xs.map(() => 0);
  const out = {
    subtotal: zero(acc.subtotal),
    discount: zero(acc.discount),
    fee: zero(acc.fee),
    tax: zero(acc.tax),
    taxes: acc.taxes.map(zero),
    total: zero(acc.total),
  };
  for (const r of refunds) {
    const c = components(r);
    for (const key of ["subtotal", "discount", "fee", "tax", "total"] as const) {
      c[key].forEach((v, i) => (out[key][i] = (out[key][i] ?? 0) + v));
    }
    c.taxes.forEach((row, i) => row.forEach((v, k) => (out.taxes[i]![k] = (out.taxes[i]![k] ?? 0) + v)));
  }
  return out;
}

function expectWithinCharged(priced: PricedOrder, refunds: RefundAllocation[]) {
  const charged = components(priced);
  const refunded = addUp(priced, refunds);
  for (const key of ["subtotal", "discount", "fee", "tax", "total"] as const) {
    refunded[key].forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(charged[key][i] ?? NaN);
    });
  }
  refunded.taxes.forEach((row, i) =>
    row.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(charged.taxes[i]?.[k] ?? NaN);
    }),
  );
  return { charged, refunded };
}

/**
 * After refunding everything, every charged amount is refunded exactly. A line given away for free
 * (price fully discounted) charged nothing: an amount refund leaves its subtotal and discount alone.
 */
function expectFullyRefunded(priced: PricedOrder, refunds: RefundAllocation[]) {
  const { charged, refunded } = expectWithinCharged(priced, refunds);
  expect(refunded.fee).toEqual(charged.fee);
  expect(refunded.tax).toEqual(charged.tax);
  expect(refunded.taxes).toEqual(charged.taxes);
  expect(refunded.total).toEqual(charged.total);
  priced.lines.forEach((line, i) => {
    const [sub = NaN, disc = NaN] = [refunded.subtotal[i], refunded.discount[i]];
    expect(sub - disc).toBe(line.subtotalMinor - line.discountMinor);
    if (line.subtotalMinor > line.discountMinor)
      expect([sub, disc]).toEqual([line.subtotalMinor, line.discountMinor]);
  });
}

function expectConsistent(priced: PricedOrder, refund: RefundAllocation) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(sum(refund.lines.map((l) => l.totalMinor))).toBe(refund.amountMinor);
  for (const key of ["subtotalMinor", "discountMinor", "feeMinor", "taxMinor"] as const) {
    expect(sum(refund.lines.map((l) => l[key]))).toBe(refund[key]);
  }
  expect(sum(refund.taxes.map((t) => t.amountMinor))).toBe(refund.taxMinor);
  for (const l of refund.lines) {
    expect(sum(l.taxes.map((t) => t.amountMinor))).toBe(l.taxMinor);
    expect(l.totalMinor).toBe(
      l.subtotalMinor - l.discountMinor + l.feeMinor + (priced.taxesInclusive ? 0 : l.taxMinor),
    );
  }
}

const pricedArb = priceOrderInputArb.map(priceOrder).filter((o) => o.totalMinor > 0);

describe("refund properties (random carts)", () => {
  it("an amount refund sums exactly to the amount and never exceeds any charged component", () => {
    fc.assert(
      fc.property(
        pricedArb.chain((priced) =>
          fc.tuple(fc.constant(priced), fc.integer({ min: 1, max: priced.totalMinor })),
        ),
        ([priced, amount]) => {
          const refund = allocateRefund(priced, amount);
          expect(refund.amountMinor).toBe(amount);
          expectConsistent(priced, refund);
          expectWithinCharged(priced, [refund]);
          // Proportional: each line's share is within one unit per component of its exact share.
          refund.lines.forEach((l, i) => {
            const line = priced.lines[i]!;
            const exact = (line.totalMinor * amount) / priced.totalMinor;
            expect(Math.abs(l.totalMinor - exact)).toBeLessThan(2 + line.taxes.length);
          });
        },
      ),
      RUNS,
    );
  });

  it("successive partial refunds never exceed what was paid, and refunding the rest lands exactly on it", () => {
    fc.assert(
      fc.property(
        pricedArb.chain((priced) =>
          fc.tuple(
            fc.constant(priced),
            fc.array(fc.integer({ min: 1, max: Math.max(1, Math.ceil(priced.totalMinor / 3)) }), {
              maxLength: 6,
            }),
          ),
        ),
        ([priced, amounts]) => {
          const refunds: RefundAllocation[] = [];
          let left = priced.totalMinor;
          for (const amount of amounts) {
            if (amount > left) break;
            refunds.push(allocateRefund(priced, amount, { alreadyRefunded: refunds }));
            left -= amount;
            expectWithinCharged(priced, refunds);
          }
          if (left > 0) refunds.push(allocateRefund(priced, left, { alreadyRefunded: refunds }));
          expectFullyRefunded(priced, refunds);
        },
      ),
      RUNS,
    );
  });

  it("refunding every ticket one at a time, in any order, sums exactly to what was charged", () => {
    fc.assert(
      fc.property(
        priceOrderInputArb.map(priceOrder).chain((priced) => {
          const tickets = priced.lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.tierId));
          return fc.tuple(fc.constant(priced), fc.shuffledSubarray(tickets, { minLength: tickets.length }));
        }),
        ([priced, order]) => {
          const done: Record<string, number> = {};
          const refunds = order.map((tierId) => {
            const refund = refundForTickets(priced, { [tierId]: 1 }, { alreadyRefunded: { ...done } });
            done[tierId] = (done[tierId] ?? 0) + 1;
            expectConsistent(priced, refund);
            return refund;
          });
          const { charged, refunded } = expectWithinCharged(priced, refunds);
          expect(refunded).toEqual(charged);
          expect(refunds.reduce((a, r) => a + r.amountMinor, 0)).toBe(priced.totalMinor);
        },
      ),
      RUNS,
    );
  });

  it("a ticket refund costs what the ticket was charged: within one unit per fee/tax component of the average", () => {
    fc.assert(
      fc.property(
        priceOrderInputArb
          .map(priceOrder)
          .chain((priced) =>
            fc.tuple(fc.constant(priced), fc.integer({ min: 0, max: priced.lines.length - 1 })),
          ),
        ([priced, index]) => {
          const line = priced.lines[index]!;
          const refund = refundForTickets(priced, { [line.tierId]: 1 });
          const average = line.totalMinor / line.quantity;
          expect(Math.abs(refund.amountMinor - average)).toBeLessThan(2 + line.taxes.length);
          expect(refund.subtotalMinor - refund.discountMinor).toBe(
            line.unitPriceMinor - line.unitDiscountMinor,
          );
          if (priced.taxesInclusive)
            expect(refund.taxMinor).toBeLessThanOrEqual(refund.subtotalMinor - refund.discountMinor);
        },
      ),
      RUNS,
    );
  });

  it("ticket refunds followed by an amount refund of the rest land exactly on what was charged", () => {
    fc.assert(
      fc.property(
        pricedArb.chain((priced) =>
          fc.tuple(
            fc.constant(priced),
            fc.tuple(...priced.lines.map((l) => fc.integer({ min: 0, max: l.quantity }))),
          ),
        ),
        ([priced, counts]) => {
          const tickets = Object.fromEntries(priced.lines.map((l, i) => [l.tierId, counts[i] ?? 0]));
          const refunds: RefundAllocation[] = [];
          if (Object.values(tickets).some((c) => c > 0)) refunds.push(refundForTickets(priced, tickets));
          const left = priced.totalMinor - refunds.reduce((a, r) => a + r.amountMinor, 0);
          if (left > 0) refunds.push(allocateRefund(priced, left, { alreadyRefunded: refunds }));
          expectFullyRefunded(priced, refunds);
        },
      ),
      RUNS,
    );
  });
});

// ----- per party: buyer, organizer, platform ----------------------------------------------------------

type Step = { kind: "tickets"; line: number; count: number } | { kind: "amount"; share: number };

const stepsArb = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant("tickets" as const),
      line: fc.nat({ max: 4 }),
      count: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ kind: fc.constant("amount" as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  ),
  { maxLength: 8 },
);

/**
 * Runs random partial refunds (whole tickets while no amount refund came before, like the refund request
 * does), then refunds the rest, checking every party after each refund.
 */
function refundSequence(priced: PricedOrder, steps: Step[]) {
  const refunds: RefundAllocation[] = [];
  const tickets: Record<string, number> = {};
  let amountSeen = false;
  const left = () => priced.totalMinor - refunds.reduce((a, r) => a + r.amountMinor, 0);
  const check = (refund: RefundAllocation) => {
    refunds.push(refund);
    const platform = refunds.reduce((a, r) => a + r.applicationFeeMinor, 0);
    const organizer = refunds.reduce((a, r) => a + r.amountMinor - r.applicationFeeMinor, 0);
    const taxBack = refunds.reduce((a, r) => a + r.taxMinor, 0);
    expect(refund.applicationFeeMinor).toBeGreaterThanOrEqual(0);
    expect(refund.amountMinor - refund.applicationFeeMinor).toBeGreaterThanOrEqual(0);
    expect(platform).toBeLessThanOrEqual(priced.applicationFeeMinor);
    // The organizer keeps at least the tax on what was not refunded.
    expect(priced.organizerNetMinor - organizer).toBeGreaterThanOrEqual(priced.taxMinor - taxBack);
  };
  for (const step of steps) {
    if (left() === 0) break;
    if (step.kind === "tickets" && !amountSeen) {
      const line = priced.lines[step.line % priced.lines.length]!;
      const count = Math.min(step.count, line.quantity - (tickets[line.tierId] ?? 0));
      if (count === 0 || line.totalMinor === 0) continue;
      const refund = refundForTickets(priced, { [line.tierId]: count }, { alreadyRefunded: { ...tickets } });
      tickets[line.tierId] = (tickets[line.tierId] ?? 0) + count;
      // A refunded ticket nets the organizer exactly nothing: it gives back what it kept, never more.
      expect(refund.amountMinor - refund.applicationFeeMinor).toBe(
        (line.unitTotalMinor - line.unitApplicationFeeMinor) * count,
      );
      expect(refund.applicationFeeMinor).toBe(line.unitApplicationFeeMinor * count);
      check(refund);
    } else if (step.kind === "amount") {
      const amount = Math.max(1, Math.floor(left() * step.share));
      check(allocateRefund(priced, amount, { alreadyRefunded: refunds }));
      amountSeen = true;
    }
  }
  if (left() > 0) check(allocateRefund(priced, left(), { alreadyRefunded: refunds }));
  return refunds;
}

describe("refunds per party (random carts, random sequences of partial refunds)", () => {
  it("buyer = organizer + platform for every refund; the organizer never gives back more than it kept", () => {
    fc.assert(
      fc.property(pricedArb, stepsArb, (priced, steps) => {
        const refunds = refundSequence(priced, steps);
        // Everything refunded: the platform returned its whole fee, the organizer its whole net.
        expect(refunds.reduce((a, r) => a + r.amountMinor, 0)).toBe(priced.totalMinor);
        expect(refunds.reduce((a, r) => a + r.applicationFeeMinor, 0)).toBe(priced.applicationFeeMinor);
        expect(refunds.reduce((a, r) => a + r.amountMinor - r.applicationFeeMinor, 0)).toBe(
          priced.organizerNetMinor,
        );
        for (const refund of refunds) {
          expect(refund.lines.reduce((a, l) => a + l.applicationFeeMinor, 0)).toBe(
            refund.applicationFeeMinor,
          );
          refund.lines.forEach((l, i) => {
            const line = priced.lines[i]!;
            expect(l.applicationFeeMinor).toBeLessThanOrEqual(line.applicationFeeMinor);
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});
