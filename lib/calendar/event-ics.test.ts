import { describe, expect, it } from "vitest";
import { escapeIcsText, eventToIcs, foldIcsLine, formatIcsUtc } from "@/lib/calendar/event-ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 unfolding: a CRLF followed by one space or tab disappears. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

const base = {
  uid: "order-abc@tickets.example.com",
  title: "The Night Owls",
  startsAt: new Date("2030-12-28T04:00:00.000Z"),
  endsAt: new Date("2030-12-28T07:30:00.000Z"),
  now: new Date("2030-01-02T03:04:05.678Z"),
};

describe("escapeIcsText", () => {
  it("escapes backslash, semicolon and comma, and turns every kind of line break into \\n", () => {
    expect(escapeIcsText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeIcsText("one\r\ntwo\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    // A literal backslash-n in the input stays distinguishable from a line break.
    expect(escapeIcsText("C:\\new")).toBe("C:\\\\new");
  });

  it("drops control characters TEXT may not carry, keeps tabs and non-ASCII", () => {
    expect(escapeIcsText("a\u0000b\u0007c\u007fd\te — é 🎸")).toBe("abcd\te — é 🎸");
  });
});

describe("foldIcsLine", () => {
  it("leaves lines of up to 75 octets alone", () => {
    const line = `SUMMARY:${"x".repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldIcsLine(line)).toBe(line);
  });

  it("folds longer lines at 75 octets with CRLF + space, and unfolds back to the original", () => {
    const line = `DESCRIPTION:${"abcdefghij".repeat(20)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBe(3);
    expect(octets(physical[0] ?? "")).toBe(75);
    expect(physical.slice(1).every((l) => l.startsWith(" ") && !l.startsWith("  "))).toBe(true);
    expect(physical.every((l) => octets(l) <= 75)).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it("counts octets, not characters, and never splits a UTF-8 sequence", () => {
    const line = `LOCATION:${"é🎸".repeat(30)}`; // 2 + 4 octets per pair
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(2);
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toContain("\uFFFD");
      // Every physical line is valid UTF-8 on its own: re-encoding round-trips.
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l);
      expect(/[\uD800-\uDBFF]$/.test(l)).toBe(false); // no lone high surrogate at a fold
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe("eventToIcs", () => {
  it("writes a VCALENDAR with CRLF line ends, UTC times and a DTSTAMP", () => {
    const ics = eventToIcs(base);
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare LF or CR anywhere
    const lines = ics.split("\r\n");
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Stagedoor//Tickets//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
    ]);
    expect(lines).toContain("UID:order-abc@tickets.example.com");
    expect(lines).toContain("DTSTAMP:20300102T030405Z");
    expect(lines).toContain("DTSTART:20301228T040000Z");
    expect(lines).toContain("DTEND:20301228T073000Z");
    expect(lines.slice(-3)).toEqual(["END:VEVENT", "END:VCALENDAR", ""]);
  });

  it("escapes user text in SUMMARY, LOCATION and DESCRIPTION and folds long lines", () => {
    const ics = eventToIcs({
      ...base,
      title: "Rock, Paper; Scissors\\Live",
      location: "The Loft, 123 Granville St, Vancouver",
      description: "Doors at 7.\nBand at 8; bar, all ages.\r\nBEGIN:VALARM",
      organizerName: "Blue Room, Inc.",
      url: "https://tickets.example.com/tickets/e/night-owls",
    });
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("SUMMARY:Rock\\, Paper\\; Scissors\\\\Live");
    expect(lines).toContain("LOCATION:The Loft\\, 123 Granville St\\, Vancouver");
    expect(lines).toContain(
      "DESCRIPTION:Presented by Blue Room\\, Inc.\\n\\nDoors at 7.\\nBand at 8\\; bar\\, all ages.\\nBEGIN:VALARM\\n\\nhttps://tickets.example.com/tickets/e/night-owls",
    );
    expect(lines).toContain("URL:https://tickets.example.com/tickets/e/night-owls");
    // The injected "BEGIN:VALARM" stayed inside the description: no such component line exists.
    expect(lines.filter((l) => l.startsWith("BEGIN:"))).toEqual(["BEGIN:VCALENDAR", "BEGIN:VEVENT"]);
    for (const physical of ics.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
  });

  it("leaves out a URL that is not http(s)", () => {
    const ics = eventToIcs({ ...base, url: "javascript:alert(1)" });
    expect(ics).not.toContain("URL:");
    expect(ics).not.toContain("javascript");
  });
});

describe("formatIcsUtc", () => {
  it("formats any instant as a UTC DATE-TIME and refuses invalid dates", () => {
    expect(formatIcsUtc(new Date("2030-06-01T03:00:00-07:00"))).toBe("20300601T100000Z");
    expect(() => formatIcsUtc(new Date("nope"))).toThrow(RangeError);
  });
});
