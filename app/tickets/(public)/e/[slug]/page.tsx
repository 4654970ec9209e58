import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TicketPicker } from "@/components/checkout/ticket-picker";
import { TierStateBadge } from "@/components/events/tier-state-badge";
import { env } from "@/lib/env";
import { formatEventTime } from "@/lib/events/format-event-time";
import { getPublicEvent, type PublicTier } from "@/lib/events/get-public-event";
import { getCurrencyDigits } from "@/lib/money/currencies";
import { formatMoney } from "@/lib/money/format-money";

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

export default async function EventPage({ params, searchParams }: Props) {
  const event = await loadEvent((await params).slug);
  if (!event) notFound();
  const checkout = (await searchParams).checkout;
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
      price: (tier.price.totalMinor / 10 ** getCurrencyDigits(tier.currency)).toFixed(
        getCurrencyDigits(tier.currency),
      ),
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
      {event.coverImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={event.coverImageUrl} alt="" className="event-cover" />
      ) : null}
      <p className="small muted">{event.organizer.name} presents</p>
      <h1>{event.title}</h1>
      {event.status === "cancelled" ? <p className="alert error">This event has been cancelled.</p> : null}
      {checkout === "cancelled" || checkout === "failed" ? (
        <p className="alert" role="status">
          {checkout === "failed"
            ? "Your payment did not go through and your seats were released. You can try again."
            : "Checkout was cancelled and your seats were released."}
        </p>
      ) : null}
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
        {event.tiers.length > 0 ? (
          <p className="small muted">
            {event.stripeTaxEnabled
              ? "Prices include the service fee; sales tax is added at checkout."
              : "Prices are what you pay: service fee and taxes included."}
          </p>
        ) : null}
        {event.tiers.map((tier) => (
          <div key={tier.id} className="card stack" data-testid="tier">
            <div className="row" style={{ justifyContent: "space-between", alignItems: "flex-start" }}>
              <div>
                <strong>{tier.name}</strong>
                {tier.description ? <div className="small muted">{tier.description}</div> : null}
              </div>
              <TierStateBadge state={tier.state} remaining={tier.remaining} />
            </div>
            <div>
              <strong data-testid="tier-price" style={{ fontSize: "1.15rem" }}>
                {formatMoney(tier.price.totalMinor, tier.currency)}
              </strong>
              <PriceBreakdown tier={tier} />
            </div>
          </div>
        ))}
      </section>
      {event.status === "published" ? (
        <TicketPicker
          eventId={event.id}
          tiers={event.tiers.map((tier) => ({
            id: tier.id,
            name: tier.name,
            priceLabel: formatMoney(tier.price.totalMinor, tier.currency),
            max:
              tier.state === "on_sale" || tier.state === "few_left"
                ? Math.min(tier.maxPerOrder, tier.remaining)
                : 0,
          }))}
        />
      ) : null}
      {event.description ? (
        <section className="stack">
          <h2>About</h2>
          <p style={{ whiteSpace: "pre-line" }}>{event.description}</p>
        </section>
      ) : null}
    </main>
  );
}

function PriceBreakdown({ tier }: { tier: PublicTier }) {
  if (tier.price.feeMinor === 0 && tier.price.taxMinor === 0) return null;
  const parts = [`${formatMoney(tier.priceMinor, tier.currency)} ticket`];
  if (tier.price.feeMinor > 0) parts.push(`${formatMoney(tier.price.feeMinor, tier.currency)} fee`);
  for (const tax of tier.price.taxes) {
    if (tax.amountMinor > 0) parts.push(`${formatMoney(tax.amountMinor, tier.currency)} ${tax.name}`);
  }
  return (
    <div className="small muted" data-testid="tier-breakdown">
      {parts.join(" + ")}
    </div>
  );
}
