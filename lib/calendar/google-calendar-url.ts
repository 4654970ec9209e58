// An "add to Google Calendar" link for an event (the template URL Google documents for event buttons).
import { formatIcsUtc } from "@/lib/calendar/event-ics";

export function googleCalendarUrl(input: {
  title: string;
  startsAt: Date;
  endsAt: Date;
  details?: string | null;
  location?: string | null;
  timezone?: string | null;
}): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", input.title);
  url.searchParams.set("dates", `${formatIcsUtc(input.startsAt)}/${formatIcsUtc(input.endsAt)}`);
  if (input.details) url.searchParams.set("details", input.details);
  if (input.location) url.searchParams.set("location", input.location);
  if (input.timezone) url.searchParams.set("ctz", input.timezone);
  return url.toString();
}
