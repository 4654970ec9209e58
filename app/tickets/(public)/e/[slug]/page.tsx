import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TicketPicker } from "@/components/checkout/ticket-picker";
import { ReportEventDialog } from "@/components/moderation/report-event-dialog";
import { env } from "@/lib/env";
import { formatEventTime } from "@/lib/events/format-event-time";
import { instantToZonedIso } from "@/lib/events/zoned-time";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { getCurrencyDigits } from "@/lib/money/currencies";
import { alertClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

const loadEvent = cache((slug: string) => getPublicEvent(slug));

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ checkout?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).slug);
  if (!event) return { title: "Event not found" };
  const description = event.summary ?? `${event.venueName}, ${event.city}`;
  const url = eventUrl(event.slug);
  const image = event.coverImageUrl ?? `${url}/share-card`;
  return {
    title: event.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title: event.title, description, url, images: [image] },
    twitter: { card: "summary_large_image", title: event.title, description, images: [image] },
  };
}

export default async function EventPage({ params, searchParams }: Props) {
  const event = await loadEvent((await params).slug);
  if (!event) notFound();
  const checkout = (await searchParams).checkout;
  const url = eventUrl(event.slug);
  const place = [event.venueAddress, event.city, event.region, event.country].filter(Boolean).join(", ");
  const mapUrl = `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${event.venueName}, ${place}`)}`;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "MusicEvent",
    name: event.title,
    description: event.summary ?? event.description ?? undefined,
    image: [event.coverImageUrl ?? `${url}/share-card`],
    url,
    startDate: instantToZonedIso(event.startsAt, event.timezone),
    endDate: instantToZonedIso(event.endsAt, event.timezone),
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
    organizer: {
      "@type": "Organization",
      name: event.organizer.name,
      url: `${env.APP_URL}/tickets/events?organizer=${encodeURIComponent(event.organizer.slug)}`,
    },
    offers: event.tiers.map((tier) => ({
      "@type": "Offer",
      name: tier.name,
      price: (tier.price.totalMinor / 10 ** getCurrencyDigits(tier.currency)).toFixed(
        getCurrencyDigits(tier.currency),
      ),
      priceCurrency: tier.currency.toUpperCase(),
      availability:
        tier.state === "sold_out" || tier.state === "in_carts"
          ? "https://schema.org/SoldOut"
          : "https://schema.org/InStock",
      validFrom: instantToZonedIso(tier.salesStartAt ?? event.publishedAt ?? event.startsAt, event.timezone),
      url,
    })),
  };
  const onSale = event.status === "published" && !event.salesPaused;
  return (
    <main className={cx(ui.page, "pb-32 sm:pb-6")}>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      {event.coverImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- uploads live in our own storage, any size
        <img
          className="block aspect-[1200/630] max-h-80 w-full rounded-card bg-line object-cover"
          data-testid="event-cover"
          src={event.coverImageUrl}
          alt=""
          width={1200}
          height={630}
        />
      ) : null}
      <p className={ui.hint}>{event.organizer.name} presents</p>
      <h1>{event.title}</h1>
      {event.status === "cancelled" ? (
        <p className={alertClass("error")}>This event has been cancelled.</p>
      ) : null}
      {event.salesPaused && event.status === "published" ? (
        <p className={alertClass("warn")} role="status">
          Tickets for this event are unavailable right now.
        </p>
      ) : null}
      {checkout === "cancelled" || checkout === "failed" ? (
        <p className={alertClass()} role="status">
          {checkout === "failed"
            ? "Your payment did not go through and your seats were released. You can try again."
            : "Checkout was cancelled and your seats were released."}
        </p>
      ) : null}
      <dl
        className={cx(
          ui.card,
          "m-0 grid grid-cols-[repeat(auto-fit,minmax(220px,1fr))] gap-3 [&_dd]:mt-1 [&_dt]:text-xs [&_dt]:font-semibold [&_dt]:tracking-wide [&_dt]:text-muted [&_dt]:uppercase",
        )}
      >
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={instantToZonedIso(event.startsAt, event.timezone)}>
              {formatEventTime(event.startsAt, event.timezone)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            <strong>{event.venueName}</strong>
            <br />
            {place}
            <br />
            <a href={mapUrl} target="_blank" rel="noopener noreferrer">
              Open in a map
            </a>
          </dd>
        </div>
      </dl>
      {event.summary ? <p>{event.summary}</p> : null}
      <section className={ui.stack} aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        {event.tiers.length === 0 ? (
          <p className={ui.muted}>No tickets are on sale yet.</p>
        ) : (
          <TicketPicker
            eventId={event.id}
            priceNote={
              event.stripeTaxEnabled
                ? "Prices include the service fee; sales tax is added at checkout."
                : "Prices are what you pay: service fee and taxes included."
            }
            tiers={event.tiers.map((tier) => ({
              id: tier.id,
              name: tier.name,
              description: tier.description,
              currency: tier.currency,
              priceMinor: tier.priceMinor,
              price: tier.price,
              state: tier.state,
              remaining: tier.remaining,
              seatsBackInMinutes: tier.seatsBackInMinutes,
              max:
                onSale && (tier.state === "on_sale" || tier.state === "few_left")
                  ? Math.min(tier.maxPerOrder, tier.remaining)
                  : 0,
            }))}
          />
        )}
      </section>
      {event.description ? (
        <section className={ui.stack}>
          <h2>About</h2>
          <p className="whitespace-pre-line">{event.description}</p>
        </section>
      ) : null}
      <ReportEventDialog eventId={event.id} />
    </main>
  );
}

function eventUrl(slug: string): string {
  return `${env.APP_URL}/tickets/e/${encodeURIComponent(slug)}`;
}
