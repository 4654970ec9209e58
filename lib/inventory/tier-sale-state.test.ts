import { describe, expect, it } from "vitest";
import { tierSaleState } from "@/lib/inventory/tier-sale-state";

const now = new Date("2026-06-01T12:00:00Z");
const base = { capacity: 100, taken: 0, salesStartAt: null, salesEndAt: null };

describe("tierSaleState", () => {
  it("is on sale with plenty left", () => {
    expect(tierSaleState(base, now)).toEqual({ state: "on_sale", remaining: 100 });
  });
  it("says few left at 10% or 5 seats", () => {
    expect(tierSaleState({ ...base, taken: 90 }, now).state).toBe("few_left");
    expect(tierSaleState({ ...base, taken: 89 }, now).state).toBe("on_sale");
    expect(tierSaleState({ ...base, capacity: 20, taken: 15 }, now).state).toBe("few_left");
  });
  it("is sold out when taken reaches capacity or the event cap is reached", () => {
    expect(tierSaleState({ ...base, taken: 100 }, now)).toEqual({ state: "sold_out", remaining: 0 });
    expect(tierSaleState({ ...base, taken: 10, eventRemaining: 0 }, now).state).toBe("sold_out");
  });
  it("says the last seats are in other buyers' carts while holds, not tickets, fill the tier", () => {
    expect(tierSaleState({ ...base, taken: 100, held: 3 }, now)).toEqual({ state: "in_carts", remaining: 0 });
    expect(tierSaleState({ ...base, taken: 100, held: 0 }, now).state).toBe("sold_out");
    // The event cap is reached by holds elsewhere in the event: they may still lapse.
    expect(tierSaleState({ ...base, taken: 10, eventRemaining: 0, eventHeld: 4 }, now).state).toBe(
      "in_carts",
    );
    // The tier itself is full of tickets: holds elsewhere cannot free it.
    expect(tierSaleState({ ...base, taken: 100, held: 0, eventRemaining: 0, eventHeld: 4 }, now).state).toBe(
      "sold_out",
    );
  });
  it("honours the sales window before capacity", () => {
    expect(tierSaleState({ ...base, salesStartAt: new Date("2026-06-02T00:00:00Z") }, now).state).toBe(
      "not_yet_on_sale",
    );
    expect(
      tierSaleState({ ...base, taken: 100, salesEndAt: new Date("2026-06-01T11:00:00Z") }, now).state,
    ).toBe("sales_ended");
  });
});
