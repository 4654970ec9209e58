import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSeats, type Availability, type SeatAsk } from "@/lib/inventory/allocate-seats";

const free = (overrides: Partial<Availability> = {}): Availability => ({
  tiers: [
    { tierId: "ga", name: "GA", remaining: 5 },
    { tierId: "vip", name: "VIP", remaining: 2 },
  ],
  event: { capacity: null, remaining: null },
  eventExclusive: false,
  discounts: [{ discountId: "code", maxUses: 2, uses: 1 }],
  ...overrides,
});

const ask = (lines: [string, number][], discountId: string | null = null): SeatAsk => ({
  lines: lines.map(([tierId, quantity]) => ({ tierId, quantity })),
  discountId,
});

describe("allocateSeats", () => {
  it("serves orders in turn, so a later smaller order can take what a larger one could not", () => {
    expect(
      allocateSeats(free(), [ask([["vip", 1]]), ask([["vip", 2]]), ask([["vip", 1]]), ask([["vip", 1]])]),
    ).toEqual([
      null,
      { kind: "sold_out", message: "Only 1 VIP left", tierId: "vip", remaining: 1 },
      null,
      { kind: "sold_out", message: "VIP is sold out", tierId: "vip", remaining: 0 },
    ]);
  });

  it("needs every line of an order to fit, and takes nothing from a refused order", () => {
    expect(
      allocateSeats(free(), [
        ask([
          ["ga", 2],
          ["vip", 3],
        ]),
        ask([["ga", 5]]),
      ]),
    ).toEqual([{ kind: "sold_out", message: "Only 2 VIP left", tierId: "vip", remaining: 2 }, null]);
  });

  it("keeps the event cap across tiers, naming the tier when the order has one line", () => {
    const capped = free({ event: { capacity: 10, remaining: 3 }, eventExclusive: true });
    expect(
      allocateSeats(capped, [
        ask([["ga", 2]]),
        ask([
          ["ga", 1],
          ["vip", 1],
        ]),
        ask([["vip", 1]]),
      ]),
    ).toEqual([
      null,
      { kind: "sold_out", message: "Only 1 tickets left for this event", tierId: null, remaining: 1 },
      null,
    ]);
    expect(allocateSeats({ ...capped, event: { capacity: 10, remaining: 0 } }, [ask([["ga", 1]])])).toEqual([
      { kind: "sold_out", message: "GA is sold out", tierId: "ga", remaining: 0 },
    ]);
  });

  it("answers busy when a capped event was locked shared (the cap appeared after the lock)", () => {
    expect(allocateSeats(free({ event: { capacity: 10, remaining: 10 } }), [ask([["ga", 1]])])).toEqual([
      { kind: "busy" },
    ]);
  });

  it("counts a code's uses within the batch", () => {
    expect(
      allocateSeats(free(), [ask([["ga", 1]], "code"), ask([["ga", 1]], "code"), ask([["ga", 1]])]),
    ).toEqual([null, { kind: "discount_exhausted" }, null]);
  });

  it("names unknown events, tiers and codes before anything else", () => {
    expect(allocateSeats(free({ event: null }), [ask([["ga", 1]])])).toEqual([{ kind: "event_not_found" }]);
    expect(allocateSeats(free(), [ask([["nope", 1]]), ask([])])).toEqual([
      { kind: "tier_not_found" },
      { kind: "tier_not_found" },
    ]);
    expect(allocateSeats(free(), [ask([["ga", 1]], "other")])).toEqual([{ kind: "discount_not_found" }]);
  });

  it("decides a batch exactly as the same orders one by one, never granting more than is free", () => {
    const tierIds = ["a", "b", "c"];
    const availability = fc.record({
      tiers: fc.tuple(...tierIds.map(() => fc.integer({ min: -2, max: 12 }))),
      cap: fc.option(fc.integer({ min: 0, max: 20 })),
      maxUses: fc.option(fc.integer({ min: 0, max: 4 })),
      uses: fc.integer({ min: 0, max: 4 }),
    });
    const asks = fc.array(
      fc.record({
        lines: fc.uniqueArray(
          fc.record({ tierId: fc.constantFrom(...tierIds), quantity: fc.integer({ min: 1, max: 4 }) }),
          { minLength: 1, maxLength: 3, selector: (l) => l.tierId },
        ),
        discountId: fc.option(fc.constant("code")),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(availability, asks, (a, batch) => {
        const start: Availability = {
          tiers: tierIds.map((tierId, i) => ({ tierId, name: tierId, remaining: a.tiers[i] ?? 0 })),
          event: { capacity: a.cap, remaining: a.cap },
          eventExclusive: true,
          discounts: [{ discountId: "code", maxUses: a.maxUses, uses: a.uses }],
        };
        const verdicts = allocateSeats(start, batch);

        // One by one: each order alone against what the granted ones before it left.
        let state = structuredClone(start);
        batch.forEach((order, i) => {
          const [alone] = allocateSeats(state, [order]);
          expect(alone).toEqual(verdicts[i]);
          if (alone !== null) return;
          state = {
            ...state,
            tiers: state.tiers.map((t) => ({
              ...t,
              remaining: t.remaining - (order.lines.find((l) => l.tierId === t.tierId)?.quantity ?? 0),
            })),
            event: state.event && {
              ...state.event,
              remaining:
                state.event.remaining === null
                  ? null
                  : state.event.remaining - order.lines.reduce((sum, l) => sum + l.quantity, 0),
            },
            discounts: state.discounts.map((d) => ({ ...d, uses: d.uses + (order.discountId ? 1 : 0) })),
          };
        });

        // The granted seats fit every tier, the event cap and the code's uses.
        const granted = batch.filter((_, i) => verdicts[i] === null);
        const seats = (tierId?: string) =>
          granted
            .flatMap((o) => o.lines)
            .filter((l) => tierId === undefined || l.tierId === tierId)
            .reduce((sum, l) => sum + l.quantity, 0);
        for (const tier of start.tiers)
          expect(seats(tier.tierId)).toBeLessThanOrEqual(Math.max(0, tier.remaining));
        if (a.cap !== null) expect(seats()).toBeLessThanOrEqual(a.cap);
        if (a.maxUses !== null) {
          expect(granted.filter((o) => o.discountId).length).toBeLessThanOrEqual(
            Math.max(0, a.maxUses - a.uses),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
