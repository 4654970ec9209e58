// Wall-clock times in an IANA time zone ⇄ UTC instants, without a date library. Pure: shared by the API
// (turning a form's "2026-12-27T20:00" + "America/Vancouver" into an instant), the forms (the reverse) and
// every screen that shows an organizer a time (formatInZone).
import { isStorableDate, MAX_YEAR, MIN_YEAR } from "@/lib/http/input";

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Parses "YYYY-MM-DDTHH:mm[:ss]" (what <input type="datetime-local"> sends); null for anything else. */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const m = LOCAL_PATTERN.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  const local = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  if (local.year < MIN_YEAR || local.year > MAX_YEAR) return null;
  // Reject 2026-02-30, 24:00 and the like: the fields must survive a round trip through Date.UTC.
  const d = new Date(toUtcMillis(local));
  if (
    d.getUTCFullYear() !== local.year ||
    d.getUTCMonth() + 1 !== local.month ||
    d.getUTCDate() !== local.day ||
    d.getUTCHours() !== local.hour ||
    d.getUTCMinutes() !== local.minute ||
    d.getUTCSeconds() !== local.second
  ) {
    return null;
  }
  return local;
}

/** Parses an ISO 8601 instant with a zone designator ("…Z" or "…+02:00"); null otherwise. */
export function parseInstant(value: string): Date | null {
  if (!INSTANT_PATTERN.test(value)) return null;
  const date = new Date(value);
  return isStorableDate(date) ? date : null;
}

function toUtcMillis(local: LocalDateTime): number {
  const ms = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  const d = new Date(ms);
  d.setUTCFullYear(local.year);
  return d.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string): LocalDateTime {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (−8 h for Vancouver in winter). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return toUtcMillis(wall) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. Like Temporal's "compatible" disambiguation: a time
 * repeated when clocks go back is the earlier one; a time skipped when clocks go forward moves forward by
 * the gap (2:30 on a spring-forward night is 3:30).
 */
export function zonedTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const asUtc = toUtcMillis(local);
  const day = 24 * 60 * 60 * 1000;
  const before = offsetAt(asUtc - day, timeZone);
  const after = offsetAt(asUtc + day, timeZone);
  const candidates = [asUtc - before, asUtc - after].filter((t) => offsetAt(t, timeZone) === asUtc - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: apply the offset from before the transition.
  return new Date(asUtc - before);
}

/** An instant as "YYYY-MM-DDTHH:mm" in a zone, for <input type="datetime-local">. */
export function instantToLocalInput(instant: Date | string, timeZone: string): string {
  const wall = wallClock(new Date(instant).getTime(), timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset in minutes at an instant, remembered per zone and UTC quarter hour: offsets and the times
 * they change are whole quarter hours (+05:45, +12:45 included), so one Intl look-up serves every instant of
 * the quarter. Exports format hundreds of thousands of times; Intl costs ~15 µs a call, this ~0.2 µs.
 */
function offsetMinutesAt(time: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(time / QUARTER_HOUR)}`;
  let minutes = offsetCache.get(key);
  if (minutes === undefined) {
    if (offsetCache.size >= 10_000) offsetCache.clear();
    minutes = Math.round(offsetAt(time, timeZone) / 60_000);
    offsetCache.set(key, minutes);
  }
  return minutes;
}

/** "2026-12-27T20:00:00-08:00": an instant as wall-clock time in a zone with that zone's UTC offset then. */
export function instantToZonedIso(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  const offsetMinutes = offsetMinutesAt(time, timeZone);
  // The wall clock is the instant (whole seconds) moved by the offset, read in UTC.
  const wall = new Date(Math.floor(time / 1000) * 1000 + offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${offset}`
  );
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * How a zone is named at an instant: its abbreviation where English has one ("EST", "PDT"), else the offset
 * with the IANA name ("GMT+1 (Europe/Berlin)"), since "GMT+1" alone does not say which rules apply next
 * month. UTC is just "UTC".
 */
export function zoneLabel(instant: Date | string, timeZone: string): string {
  let fmt = zoneNameFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    zoneNameFormatters.set(timeZone, fmt);
  }
  const name = fmt.formatToParts(new Date(instant)).find((p) => p.type === "timeZoneName")?.value ?? "";
  if (name === "UTC") return "UTC";
  return /^[A-Z]{2,5}$/.test(name) && name !== "GMT" ? name : `${name} (${timeZone})`;
}

export type ZonedFormatStyle = "datetime" | "time";

/**
 * An instant as wall-clock time in a zone, with the zone named: "Fri 12 Dec 2026, 20:00 EST" (datetime) or
 * "20:00:05 EST" (time, with seconds: check-in logs). Built from numbers rather than a locale's pattern, so
 * the server's render and the browser's hydration give the same string whatever either's locale data; the
 * zone is always passed in, never the runtime's default.
 */
export function formatInZone(
  instant: Date | string,
  timeZone: string,
  options: { style?: ZonedFormatStyle } = {},
): string {
  const time = new Date(instant).getTime();
  const wall = wallClock(time, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  const zone = zoneLabel(new Date(time), timeZone);
  if (options.style === "time") {
    return `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} ${zone}`;
  }
  const weekday = WEEKDAYS[new Date(toUtcMillis(wall)).getUTCDay()];
  return `${weekday} ${wall.day} ${MONTHS[wall.month - 1]} ${wall.year}, ${pad(wall.hour)}:${pad(wall.minute)} ${zone}`;
}
