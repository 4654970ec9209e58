import Link from "next/link";
import { TestModeBanner } from "@/components/payments/test-mode-banner";
import { SiteHeader } from "@/components/ui/site-header";
import { buttonClass, cx, ui } from "@/components/ui/styles";

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
      <SiteHeader />
      <main className={ui.page}>
        <section className={cx(ui.stack, "max-w-2xl pt-6 pb-2")} aria-labelledby="landing-title">
          <h1 id="landing-title" className="text-3xl sm:text-4xl">
            Tickets for live music, straight from the venue
          </h1>
          <p>
            Stagedoor is open-source ticketing for live-music venues and event organizers: money lands in the
            organizer&apos;s own Stripe account, checkout never oversells, passes arrive in seconds, and the
            door scanner keeps working when the venue&apos;s Wi-Fi does not.
          </p>
          <p className={ui.row}>
            <Link className={buttonClass()} href="/tickets/events">
              See upcoming events
            </Link>
            <Link className={buttonClass({ variant: "secondary" })} href="/tickets/organizer">
              Sell tickets with Stagedoor
            </Link>
          </p>
        </section>
        <ul className={ui.grid} aria-label="What Stagedoor does">
          {SURFACES.map((surface) => (
            <li key={surface.href} className={cx(ui.card, ui.stack)}>
              <h2>{surface.title}</h2>
              <p className={ui.small}>{surface.text}</p>
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
