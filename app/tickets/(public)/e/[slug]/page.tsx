import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { TierStateBadge } from "@/components/events/tier-state-badge";
import { env } from "@/lib/env";
import { formatEventTime } from "@/lib/events/format-event-time";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { formatMoney } from "@/lib/money/format-money";

export const dynamic = "force-dynamic";

const taxesSchema = z.array(z.object({ name: z.string(), inclusive: z.boolean() }).loose()).catch([]);

const loadEvent = cache((slug: string) => getPublicEvent(slug));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).slug);
  if (!event) return { title: "Event not found" };
  const description = event.summary ?? `${event.venueName}, ${event.city}`;
  return {
    title: event.title,
    description,
    openGraph: {
      type: "website",
      title: event.title,
      description,
      url: `${env.APP_URL}/tickets/e/${event.slug}`,
      ...(event.coverImageUrl ? { images: [event.coverImageUrl] } : {}),
    },
  };
}

export default async function EventPage({ params }: Props) {
  const event = await loadEvent((await params).slug);
  if (!event) notFound();
  const exclusiveTaxes = taxesSchema
    .parse(event.taxes)
    .filter((t) => !t.inclusive)
    .map((t) => t.name);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "MusicEvent",
    name: event.title,
    startDate: event.startsAt.toISOString(),
    endDate: event.endsAt.toISOString(),
    eventStatus:
      event.status === "cancelled"
        ? "https://schema.org/EventCancelled"
        : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: event.venueName,
      address: {
        "@type": "PostalAddress",
        streetAddress: event.venueAddress ?? undefined,
        addressLocality: event.city,
        addressRegion: event.region ?? undefined,
        addressCountry: event.country,
      },
    },
    organizer: { "@type": "Organization", name: event.organizer.name },
    offers: event.tiers.map((tier) => ({
      "@type": "Offer",
      name: tier.name,
      price: (tier.priceMinor / 100).toFixed(2),
      priceCurrency: tier.currency.toUpperCase(),
      availability: tier.state === "sold_out" ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
      url: `${env.APP_URL}/tickets/e/${event.slug}`,
    })),
  };
  return (
    <main className="container stack">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <p className="small muted">{event.organizer.name} presents</p>
      <h1>{event.title}</h1>
      {event.status === "cancelled" ? <p className="alert error">This event has been cancelled.</p> : null}
      <p>
        <strong>{formatEventTime(event.startsAt, event.timezone)}</strong>
        <br />
        {event.venueName}
        {event.venueAddress ? `, ${event.venueAddress}` : ""}, {event.city}
        {event.region ? `, ${event.region}` : ""}
      </p>
      {event.summary ? <p>{event.summary}</p> : null}
      <section className="stack" aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        {event.tiers.length === 0 ? <p className="muted">No tickets are on sale yet.</p> : null}
        {event.tiers.length > 0 && exclusiveTaxes.length > 0 ? (
          <p className="small muted">Prices before {exclusiveTaxes.join(" and ")} and service fees.</p>
        ) : null}
        {event.tiers.map((tier) => (
          <div
            key={tier.id}
            className="card row"
            style={{ justifyContent: "space-between" }}
            data-testid="tier"
          >
            <div>
              <strong>{tier.name}</strong>
              {tier.description ? <div className="small muted">{tier.description}</div> : null}
            </div>
            <div className="row">
              <span>{formatMoney(tier.priceMinor, tier.currency)}</span>
              <TierStateBadge state={tier.state} remaining={tier.remaining} />
            </div>
          </div>
        ))}
      </section>
      {event.description ? (
        <section className="stack">
          <h2>About</h2>
          <p style={{ whiteSpace: "pre-line" }}>{event.description}</p>
        </section>
      ) : null}
    </main>
  );
}
