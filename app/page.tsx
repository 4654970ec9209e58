import Link from "next/link";
import { TestModeBanner } from "@/components/payments/test-mode-banner";

// The test-mode band is read per request, never baked into the build.
export const dynamic = "force-dynamic";

const SURFACES = [
  {
    title: "Buy tickets",
    text: "Find a show, pick your tickets and pay by card. Your passes arrive on the page and by email, with a QR code for the door.",
    href: "/tickets/events",
    action: "Browse events",
  },
  {
    title: "Run your events",
    text: "Create events with ticket tiers, discount codes and taxes, get paid into your own Stripe account, see orders and refund them.",
    href: "/tickets/organizer",
    action: "Organizer sign-in",
  },
  {
    title: "Check people in",
    text: "The door scanner installs on any phone, checks signed tickets with no network and syncs scans when the Wi-Fi is back.",
    href: "/tickets/checkin",
    action: "Open the scanner",
  },
] as const;

export default function HomePage() {
  return (
    <>
      <TestModeBanner />
      <header className="site-header">
        <div className="container">
          <Link href="/" className="brand">
            Stagedoor
          </Link>
          <nav className="nav small" aria-label="Main">
            <Link href="/tickets/events">Events</Link>
            <Link href="/tickets/organizer">For organizers</Link>
          </nav>
        </div>
      </header>
      <main className="container stack">
        <section className="landing-hero stack" aria-labelledby="landing-title">
          <h1 id="landing-title">Tickets for live music, straight from the venue</h1>
          <p>
            Stagedoor is open-source ticketing for live-music venues and event organizers: money lands in the
            organizer&apos;s own Stripe account, checkout never oversells, passes arrive in seconds, and the
            door scanner keeps working when the venue&apos;s Wi-Fi does not.
          </p>
          <p className="row">
            <Link className="btn" href="/tickets/events">
              See upcoming events
            </Link>
            <Link className="btn secondary" href="/tickets/organizer">
              Sell tickets with Stagedoor
            </Link>
          </p>
        </section>
        <ul className="grid landing-surfaces" aria-label="What Stagedoor does">
          {SURFACES.map((surface) => (
            <li key={surface.href} className="card stack">
              <h2>{surface.title}</h2>
              <p className="small">{surface.text}</p>
              <p>
                <Link href={surface.href}>{surface.action}</Link>
              </p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
