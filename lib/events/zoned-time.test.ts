import { describe, expect, it } from "vitest";
import { suggestEventSlug } from "@/lib/events/event-rules";
import {
  formatInZone,
  instantToZonedIso,
  instantToLocalInput,
  parseInstant,
  parseLocalDateTime,
  zonedTimeToInstant,
  zoneLabel,
} from "@/lib/events/zoned-time";

const at = (value: string, zone: string) => {
  const local = parseLocalDateTime(value);
  if (!local) throw new Error(`bad local time ${value}`);
  return zonedTimeToInstant(local, zone).toISOString();
};

describe("zonedTimeToInstant", () => {
  it("reads a wall-clock time in the event's zone, winter and summer", () => {
    expect(at("2030-12-27T20:00", "America/Vancouver")).toBe("2030-12-28T04:00:00.000Z");
    expect(at("2030-07-01T20:00", "America/Vancouver")).toBe("2030-07-02T03:00:00.000Z");
    expect(at("2030-07-01T20:00", "Asia/Kolkata")).toBe("2030-07-01T14:30:00.000Z");
    expect(at("2030-07-01T20:00", "UTC")).toBe("2030-07-01T20:00:00.000Z");
  });

  it("moves a time skipped by spring-forward ahead by the gap, and takes the earlier of a repeated time", () => {
    // 2030-03-10 02:30 does not exist in Vancouver (02:00 → 03:00): 03:30 PDT.
    expect(at("2030-03-10T02:30", "America/Vancouver")).toBe("2030-03-10T10:30:00.000Z");
    // 2030-11-03 01:30 happens twice: the first one (PDT, UTC−7).
    expect(at("2030-11-03T01:30", "America/Vancouver")).toBe("2030-11-03T08:30:00.000Z");
  });

  it("round-trips through instantToLocalInput", () => {
    const instant = zonedTimeToInstant(parseLocalDateTime("2030-12-27T20:00")!, "Europe/Berlin");
    expect(instantToLocalInput(instant, "Europe/Berlin")).toBe("2030-12-27T20:00");
    expect(instantToLocalInput("2030-12-28T04:00:00.000Z", "America/Vancouver")).toBe("2030-12-27T20:00");
  });
});

describe("parsing", () => {
  it("refuses impossible local dates and instants without a zone designator", () => {
    expect(parseLocalDateTime("2030-02-30T20:00")).toBeNull();
    expect(parseLocalDateTime("2030-12-27T24:00")).toBeNull();
    expect(parseLocalDateTime("2030-12-27 20:00")).toBeNull();
    expect(parseLocalDateTime("2030-12-27T20:00:30")).toMatchObject({ hour: 20, minute: 0, second: 30 });
    expect(parseInstant("2030-12-27T20:00")).toBeNull();
    expect(parseInstant("2030-12-27T20:00:00+01:00")?.toISOString()).toBe("2030-12-27T19:00:00.000Z");
    expect(parseInstant("2030-12-27T20:00:00.000Z")?.toISOString()).toBe("2030-12-27T20:00:00.000Z");
  });
});

describe("suggestEventSlug", () => {
  it("makes a valid slug from any title", () => {
    expect(suggestEventSlug("Café Tacvba — Live!")).toBe("cafe-tacvba-live");
    expect(suggestEventSlug("!!")).toBe("event");
    expect(suggestEventSlug("AB")).toBe("event-ab");
    expect(suggestEventSlug("New")).toBe("event-new");
  });
});

describe("instantToZonedIso", () => {
  it("writes the venue's wall-clock time with its offset, standard and daylight time", () => {
    expect(instantToZonedIso(new Date("2026-12-28T04:00:00Z"), "America/Vancouver")).toBe(
      "2026-12-27T20:00:00-08:00",
    );
    expect(instantToZonedIso(new Date("2026-07-04T03:30:00Z"), "America/Vancouver")).toBe(
      "2026-07-03T20:30:00-07:00",
    );
  });

  it("changes offset exactly when the clocks do (DST ends 1 Nov 2026, 2:00 PDT → 1:00 PST)", () => {
    const zone = "America/Vancouver";
    expect(instantToZonedIso(new Date("2026-11-01T08:59:59Z"), zone)).toBe("2026-11-01T01:59:59-07:00");
    expect(instantToZonedIso(new Date("2026-11-01T09:00:00Z"), zone)).toBe("2026-11-01T01:00:00-08:00");
    // Spring forward (8 Mar 2026, 2:00 PST → 3:00 PDT): no 2:xx wall-clock time exists.
    expect(instantToZonedIso(new Date("2026-03-08T09:59:59Z"), zone)).toBe("2026-03-08T01:59:59-08:00");
    expect(instantToZonedIso(new Date("2026-03-08T10:00:00Z"), zone)).toBe("2026-03-08T03:00:00-07:00");
  });

  it("drops milliseconds without moving the second (CSV exports write whole seconds)", () => {
    expect(instantToZonedIso(new Date("2026-12-07T03:30:00.999Z"), "America/Vancouver")).toBe(
      "2026-12-06T19:30:00-08:00",
    );
  });

  it("agrees with Intl's wall clock across a year of instants in zones with odd offsets and DST", () => {
    const zones = [
      "America/Vancouver",
      "Europe/London",
      "Asia/Kathmandu",
      "Pacific/Chatham",
      "America/St_Johns",
    ];
    for (const zone of zones) {
      for (
        let t = Date.parse("2026-01-01T00:00:00Z");
        t < Date.parse("2027-01-01T00:00:00Z");
        t += 7_777_777
      ) {
        const instant = new Date(t);
        const iso = instantToZonedIso(instant, zone);
        expect(iso.slice(0, 16), `${zone} ${instant.toISOString()}`).toBe(instantToLocalInput(instant, zone));
        expect(new Date(iso).getTime()).toBe(Math.floor(t / 1000) * 1000);
      }
    }
  });

  it("handles zero, half-hour and positive offsets and names the same instant", () => {
    const instant = new Date("2026-03-01T00:00:00Z");
    expect(instantToZonedIso(instant, "UTC")).toBe("2026-03-01T00:00:00+00:00");
    expect(instantToZonedIso(instant, "Asia/Kolkata")).toBe("2026-03-01T05:30:00+05:30");
    for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Auckland"]) {
      expect(new Date(instantToZonedIso(instant, zone)).getTime()).toBe(instant.getTime());
    }
  });
});

describe("formatInZone", () => {
  it("shows the wall-clock time in the given zone with its abbreviation", () => {
    expect(formatInZone("2026-12-13T01:00:00Z", "America/Toronto")).toBe("Sat 12 Dec 2026, 20:00 EST");
    expect(formatInZone(new Date("2026-07-01T03:05:00Z"), "America/Vancouver")).toBe(
      "Tue 30 Jun 2026, 20:05 PDT",
    );
    expect(formatInZone("2026-12-12T20:00:00Z", "UTC")).toBe("Sat 12 Dec 2026, 20:00 UTC");
  });

  it("changes abbreviation and offset across the spring-forward and fall-back boundaries", () => {
    // Toronto, 2026-03-08: 02:00 EST becomes 03:00 EDT.
    expect(formatInZone("2026-03-08T06:59:00Z", "America/Toronto")).toBe("Sun 8 Mar 2026, 01:59 EST");
    expect(formatInZone("2026-03-08T07:00:00Z", "America/Toronto")).toBe("Sun 8 Mar 2026, 03:00 EDT");
    // 2026-11-01: 01:30 happens twice; only the zone tells them apart.
    expect(formatInZone("2026-11-01T05:30:00Z", "America/Toronto")).toBe("Sun 1 Nov 2026, 01:30 EDT");
    expect(formatInZone("2026-11-01T06:30:00Z", "America/Toronto")).toBe("Sun 1 Nov 2026, 01:30 EST");
  });

  it("names the zone where English has no abbreviation for it", () => {
    expect(formatInZone("2026-12-12T19:00:00Z", "Europe/Berlin")).toBe(
      "Sat 12 Dec 2026, 20:00 GMT+1 (Europe/Berlin)",
    );
    expect(formatInZone("2026-12-12T14:30:00Z", "Asia/Kolkata")).toBe(
      "Sat 12 Dec 2026, 20:00 GMT+5:30 (Asia/Kolkata)",
    );
    expect(zoneLabel("2026-12-12T12:00:00Z", "Europe/London")).toBe("GMT (Europe/London)");
    expect(zoneLabel("2026-07-12T12:00:00Z", "Europe/London")).toBe("GMT+1 (Europe/London)");
  });

  it("crosses the date line into the zone's own date, and shows seconds in the time style", () => {
    expect(formatInZone("2026-12-31T23:30:00Z", "Asia/Tokyo")).toBe(
      "Fri 1 Jan 2027, 08:30 GMT+9 (Asia/Tokyo)",
    );
    expect(formatInZone("2026-12-13T01:00:05Z", "America/Toronto", { style: "time" })).toBe("20:00:05 EST");
  });

  it("does not depend on the runtime's default zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      expect(formatInZone("2026-12-13T01:00:00Z", "America/Toronto")).toBe("Sat 12 Dec 2026, 20:00 EST");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
