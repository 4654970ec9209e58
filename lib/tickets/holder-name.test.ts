import { describe, expect, it } from "vitest";
import { HOLDER_NAME_MAX, holderNameSchema, optionalHolderNameSchema } from "@/lib/tickets/holder-name";

describe("holderNameSchema", () => {
  it("trims and folds inner whitespace", () => {
    expect(holderNameSchema.parse("  Rosa   María  López ")).toBe("Rosa María López");
  });

  it("refuses empty, too long, control and invisible formatting characters", () => {
    for (const bad of [
      "",
      "   ",
      "a".repeat(HOLDER_NAME_MAX + 1),
      "Ana\u0000",
      "Ana\nLima",
      "Ana\tLima",
      "Ana\u202eLima",
      "Ana\u200bLima",
    ]) {
      expect(holderNameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(holderNameSchema.safeParse("a".repeat(HOLDER_NAME_MAX)).success).toBe(true);
  });

  it("at checkout, a blank name is no name; a bad one is still refused", () => {
    expect(optionalHolderNameSchema.parse(undefined)).toBeUndefined();
    expect(optionalHolderNameSchema.parse("  ")).toBeUndefined();
    expect(optionalHolderNameSchema.parse(" Bo ")).toBe("Bo");
    expect(optionalHolderNameSchema.safeParse("Bo\u0007").success).toBe(false);
  });
});
