/** "Sat, Dec 27, 2026, 8:00 PM PST", in the event's own time zone. */
export function formatEventTime(date: Date, timeZone: string, locale = "en-CA"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
