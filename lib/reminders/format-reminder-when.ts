// "tomorrow at 8:00 p.m. PST": when an event starts, told relative to the moment the reminder is written and
// in the event's own time zone (the buyer's "tomorrow" is the venue's, as on the tickets). Pure.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day of `instant` in `timeZone`, as UTC midnight milliseconds (for day differences). */
function localDay(instant: Date, timeZone: string, locale: string): number {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"));
}

/**
 * "today at 8:00 p.m. PST", "tomorrow at …", or "on Sat, Dec 27 at …" further out, with the zone named.
 * The locale matches formatEventTime's, so both lines of a reminder read alike.
 */
export function formatReminderWhen(startsAt: Date, now: Date, timeZone: string, locale = "en-CA"): string {
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(startsAt);
  const days = Math.round((localDay(startsAt, timeZone, locale) - localDay(now, timeZone, locale)) / DAY_MS);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(startsAt);
  return `on ${date} at ${time}`;
}
