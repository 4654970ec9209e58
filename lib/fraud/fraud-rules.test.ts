import { describe, expect, it } from "vitest";
import { emailDomainKey, FRAUD_RULES, FRAUD_SIGNAL_KINDS, tripsAt } from "@/lib/fraud/fraud-rules";

describe("fraud rules", () => {
  it("has a positive threshold and window for every kind", () => {
    for (const kind of FRAUD_SIGNAL_KINDS) {
      expect(FRAUD_RULES[kind].threshold).toBeGreaterThan(1);
      expect(FRAUD_RULES[kind].windowMs).toBeGreaterThanOrEqual(60_000);
    }
  });

  it("trips exactly once, on the increment that reaches the threshold", () => {
    const { threshold } = FRAUD_RULES.discount_code_guessing;
    expect(tripsAt("discount_code_guessing", threshold - 1)).toBe(false);
    expect(tripsAt("discount_code_guessing", threshold)).toBe(true);
    expect(tripsAt("discount_code_guessing", threshold + 1)).toBe(false);
  });

  it("counts email domains, lower-cased, and ignores shared mail providers", () => {
    expect(emailDomainKey("Fan@Resale-Bots.Example")).toBe("resale-bots.example");
    expect(emailDomainKey("fan@example.test.")).toBe("example.test");
    expect(emailDomainKey("someone@gmail.com")).toBeNull();
    expect(emailDomainKey("someone@OUTLOOK.com")).toBeNull();
    expect(emailDomainKey("not-an-email")).toBeNull();
    expect(emailDomainKey("@example.test")).toBeNull();
  });
});
