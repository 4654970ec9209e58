import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { findPublicEventCities, findPublicEvents } from "@/lib/events/find-public-events";
import { formatEventTime } from "@/lib/events/format-event-time";
import { buttonClass, cx, ui } from "@/components/ui/styles";

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
    <main className={ui.page}>
      <h1>Upcoming events</h1>
      <form className={ui.row} action="/tickets/events">
        {organizer ? <input type="hidden" name="organizer" value={organizer} /> : null}
        <div className={ui.field}>
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
        <button className={buttonClass({ variant: "secondary" }, "self-end")} type="submit">
          Filter
        </button>
      </form>
      {events.length === 0 ? (
        <p className={ui.muted}>No upcoming events{city ? ` in ${city}` : ""} yet.</p>
      ) : (
        <ul className={ui.grid}>
          {events.map((event) => (
            <li key={event.id} className={cx(ui.card, ui.stack)}>
              <h2 className="text-lg">
                <Link href={`/tickets/e/${event.slug}`}>{event.title}</Link>
              </h2>
              <p className={ui.hint}>
                {formatEventTime(event.startsAt, event.timezone)}
                <br />
                {event.venueName}, {event.city}
                {event.region ? `, ${event.region}` : ""}
              </p>
              {event.summary ? <p className={ui.small}>{event.summary}</p> : null}
              <p className={ui.hint}>by {event.organizer.name}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
