import { describe, expect, it } from "vitest";
import { isoInTimeZone } from "@/lib/events/format-event-time";

describe("isoInTimeZone", () => {
  it("writes the venue's wall-clock time with its offset, standard and daylight time", () => {
    expect(isoInTimeZone(new Date("2026-12-28T04:00:00Z"), "America/Vancouver")).toBe(
      "2026-12-27T20:00:00-08:00",
    );
    expect(isoInTimeZone(new Date("2026-07-04T03:30:00Z"), "America/Vancouver")).toBe(
      "2026-07-03T20:30:00-07:00",
    );
  });

  it("handles zero, half-hour and positive offsets and names the same instant", () => {
    const instant = new Date("2026-03-01T00:00:00Z");
    expect(isoInTimeZone(instant, "UTC")).toBe("2026-03-01T00:00:00+00:00");
    expect(isoInTimeZone(instant, "Asia/Kolkata")).toBe("2026-03-01T05:30:00+05:30");
    for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Auckland"]) {
      expect(new Date(isoInTimeZone(instant, zone)).getTime()).toBe(instant.getTime());
    }
  });
});
