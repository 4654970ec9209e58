import { describe, expect, it } from "vitest";
import {
  assertDiscountApplies,
  DISCOUNT_REFUSAL_MESSAGES,
  getDiscountRefusal,
  type DiscountForCheck,
} from "@/lib/discounts/assert-discount-applies";
import { isAppError } from "@/lib/errors";

const now = new Date("2030-05-01T12:00:00Z");
const base: DiscountForCheck = {
  active: true,
  validFrom: null,
  validUntil: null,
  maxUses: null,
  uses: 0,
  tierIds: [],
};

function refusal(discount: DiscountForCheck | null, tierIds: string[] = ["ga"]) {
  try {
    assertDiscountApplies(discount, { now, tierIds });
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.status).toBe(422);
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0]?.field).toBe("discountCode");
    return error.fields[0]?.message;
  }
  return null;
}

describe("assertDiscountApplies", () => {
  it("accepts a usable code and says which cart tiers it applies to", () => {
    expect(assertDiscountApplies(base, { now, tierIds: ["ga", "vip", "ga"] }).tierIds).toEqual(["ga", "vip"]);
    expect(
      assertDiscountApplies({ ...base, tierIds: ["vip"] }, { now, tierIds: ["ga", "vip"] }).tierIds,
    ).toEqual(["vip"]);
  });

  it("refuses an unknown code", () => {
    expect(refusal(null)).toBe(DISCOUNT_REFUSAL_MESSAGES.unknown);
    expect(refusal(null)).toMatch(/does not exist/);
  });

  it("refuses an inactive code", () => {
    expect(refusal({ ...base, active: false })).toMatch(/no longer active/);
  });

  it("refuses a code before its validity starts, and accepts it from that instant", () => {
    const from = new Date(now.getTime() + 1);
    expect(refusal({ ...base, validFrom: from })).toMatch(/not valid yet/);
    expect(refusal({ ...base, validFrom: now })).toBeNull();
  });

  it("refuses an expired code (validUntil is exclusive)", () => {
    expect(refusal({ ...base, validUntil: now })).toMatch(/expired/);
    expect(refusal({ ...base, validUntil: new Date(now.getTime() + 1) })).toBeNull();
  });

  it("refuses a used-up code, and accepts it with one use left", () => {
    expect(refusal({ ...base, maxUses: 3, uses: 3 })).toMatch(/maximum number of times/);
    expect(refusal({ ...base, maxUses: 3, uses: 2 })).toBeNull();
  });

  it("refuses a code limited to tiers that are not in the cart", () => {
    expect(refusal({ ...base, tierIds: ["vip"] }, ["ga"])).toMatch(/does not apply to the tickets/);
    expect(refusal({ ...base, tierIds: ["vip"] }, [])).toMatch(/does not apply/);
  });

  it("reports the first reason in a fixed order", () => {
    const bad: DiscountForCheck = {
      active: false,
      validFrom: null,
      validUntil: new Date(0),
      maxUses: 1,
      uses: 1,
      tierIds: ["vip"],
    };
    expect(getDiscountRefusal(bad, { now, tierIds: ["ga"] })).toBe("inactive");
    expect(getDiscountRefusal({ ...bad, active: true }, { now, tierIds: ["ga"] })).toBe("expired");
    expect(getDiscountRefusal({ ...bad, active: true, validUntil: null }, { now, tierIds: ["ga"] })).toBe(
      "exhausted",
    );
    expect(
      getDiscountRefusal({ ...bad, active: true, validUntil: null, maxUses: null }, { now, tierIds: ["ga"] }),
    ).toBe("out_of_scope");
  });
});
