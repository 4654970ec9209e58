// The calendar entry for an order's event, shared by the .ics route and the confirmation email. It links
// to the public event page, never to the passes page: calendars get synced and shared, the token must not.
import "server-only";
import { eventToIcs } from "@/lib/calendar/event-ics";
import { googleCalendarUrl } from "@/lib/calendar/google-calendar-url";
import { env } from "@/lib/env";
import type { EventPlace } from "@/lib/events/event-display";
import { formatEventTime } from "@/lib/events/format-event-time";

export interface CalendarEventData extends EventPlace {
  slug: string;
  title: string;
  summary?: string | null;
  startsAt: Date;
  endsAt: Date;
  organizerName: string;
}

export interface CalendarFile {
  filename: string;
  contentType: "text/calendar";
  content: string;
}

export function eventLocation(event: {
  venueName: string;
  venueAddress: string | null;
  city: string;
  region: string | null;
  country?: string;
}): string {
  return [event.venueName, event.venueAddress, event.city, event.region, event.country]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(", ");
}

export function publicEventUrl(slug: string): string {
  return new URL(`/tickets/e/${encodeURIComponent(slug)}`, env.APP_URL).toString();
}

/** `<event-slug>.ics`, with a UID per order so importing it twice updates one entry. */
export function orderCalendarFile(orderId: string, event: CalendarEventData, now = new Date()): CalendarFile {
  const content = eventToIcs({
    uid: `order-${orderId}@${new URL(env.APP_URL).hostname}`,
    title: event.title,
    description: [
      event.summary,
      `Starts ${formatEventTime(event.startsAt, event.timezone)} (${event.timezone}).`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    location: eventLocation(event),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    url: publicEventUrl(event.slug),
    organizerName: event.organizerName,
    now,
  });
  return { filename: `${event.slug}.ics`, contentType: "text/calendar", content };
}

export function eventGoogleCalendarUrl(event: CalendarEventData): string {
  return googleCalendarUrl({
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    details: [`Presented by ${event.organizerName}`, publicEventUrl(event.slug)].join("\n"),
    location: eventLocation(event),
    timezone: event.timezone,
  });
}
