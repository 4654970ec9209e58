import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money/format-money";

describe("formatMoney", () => {
  it("uses the currency's minor units", () => {
    expect(formatMoney(2500, "cad")).toBe("$25.00");
    expect(formatMoney(2500, "usd", "en-US")).toBe("$25.00");
    expect(formatMoney(2500, "jpy", "en-US")).toBe("¥2,500");
    expect(formatMoney(1, "eur", "en-US")).toBe("€0.01");
  });
});
