import { describe, expect, it } from "vitest";
import { formatCountdown } from "@/lib/checkout/format-countdown";

describe("formatCountdown", () => {
  it("shows minutes and seconds, rounding a started second up so it never reads 0:00 early", () => {
    expect(formatCountdown(30 * 60_000)).toBe("30:00");
    expect(formatCountdown(29 * 60_000 + 59_001)).toBe("30:00");
    expect(formatCountdown(61_000)).toBe("1:01");
    expect(formatCountdown(999)).toBe("0:01");
  });

  it("adds hours past the hour and stops at 0:00", () => {
    expect(formatCountdown(3_723_000)).toBe("1:02:03");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(-5_000)).toBe("0:00");
  });
});
