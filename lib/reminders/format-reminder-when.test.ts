import { describe, expect, it } from "vitest";
import { formatReminderWhen } from "@/lib/reminders/format-reminder-when";

// 8 pm on Fri 27 Dec 2030 in Vancouver (PST, UTC-8) = 04:00 UTC on the 28th.
const startsAt = new Date("2030-12-28T04:00:00Z");

describe("formatReminderWhen", () => {
  it("says tomorrow by the venue's calendar, with the zone named", () => {
    // 9 pm on the 26th in Vancouver: already the 27th in UTC, still "tomorrow" at the venue.
    expect(formatReminderWhen(startsAt, new Date("2030-12-27T05:00:00Z"), "America/Vancouver")).toBe(
      "tomorrow at 8:00 p.m. PST",
    );
  });

  it("says today when the event is later the same local day", () => {
    expect(formatReminderWhen(startsAt, new Date("2030-12-27T17:00:00Z"), "America/Vancouver")).toBe(
      "today at 8:00 p.m. PST",
    );
  });

  it("names the day and summer time zone when further out", () => {
    const summer = new Date("2030-07-01T02:30:00Z");
    expect(formatReminderWhen(summer, new Date("2030-06-28T12:00:00Z"), "America/Vancouver")).toBe(
      "on Sun, Jun 30 at 7:30 p.m. PDT",
    );
  });

  it("uses the event's zone, not the server's", () => {
    // 04:00 UTC on the 28th is 5 am in Paris on the 28th: the day after 9 pm on the 27th there.
    expect(formatReminderWhen(startsAt, new Date("2030-12-27T20:00:00Z"), "Europe/Paris")).toBe(
      "tomorrow at 5:00 a.m. GMT+1",
    );
  });
});
