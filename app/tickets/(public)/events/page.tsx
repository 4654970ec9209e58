import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { findPublicEventCities, findPublicEvents } from "@/lib/events/find-public-events";
import { formatEventTime } from "@/lib/events/format-event-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upcoming events" };

const querySchema = z.object({
  city: z.string().trim().max(80).optional().catch(undefined),
  organizer: z.string().trim().max(80).optional().catch(undefined),
});

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { city, organizer } = querySchema.parse(await searchParams);
  const [events, cities] = await Promise.all([
    findPublicEvents({ city: city || undefined, organizer: organizer || undefined }),
    findPublicEventCities(),
  ]);
  return (
    <main className="container stack">
      <h1>Upcoming events</h1>
      <form className="row" action="/tickets/events">
        {organizer ? <input type="hidden" name="organizer" value={organizer} /> : null}
        <div className="field">
          <label htmlFor="city">City</label>
          <select id="city" name="city" defaultValue={city ?? ""}>
            <option value="">All cities</option>
            {cities.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button className="btn secondary" type="submit" style={{ alignSelf: "flex-end" }}>
          Filter
        </button>
      </form>
      {events.length === 0 ? (
        <p className="muted">No upcoming events{city ? ` in ${city}` : ""} yet.</p>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {events.map((event) => (
            <li key={event.id} className="card stack">
              <h2 style={{ fontSize: "1.2rem" }}>
                <Link href={`/tickets/e/${event.slug}`}>{event.title}</Link>
              </h2>
              <p className="small muted">
                {formatEventTime(event.startsAt, event.timezone)}
                <br />
                {event.venueName}, {event.city}
                {event.region ? `, ${event.region}` : ""}
              </p>
              {event.summary ? <p className="small">{event.summary}</p> : null}
              <p className="small muted">by {event.organizer.name}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
