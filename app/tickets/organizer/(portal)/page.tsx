import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES, roleAllows } from "@/lib/auth/roles";
import { listOrganizerEvents } from "@/lib/events/list-organizer-events";
import { EmailSettings } from "@/components/organizers/email-settings";
import { OrganizerLogoUpload } from "@/components/organizers/organizer-logo-upload";
import { OrganizerDashboard } from "@/components/reports/organizer-dashboard";
import { StripeStatusBadges } from "@/components/payments/stripe-status-badges";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";
import { alertClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizerOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { organizer, role } = await requireOrganizerPage(ROLES.any);
  const params = await searchParams;
  if (!roleAllows(role, ROLES.manage))
    return <ScannerOverview organizer={organizer} denied={!!params.denied} />;
  const [profile, payments] = await Promise.all([
    getOrganizerProfile(organizer.id),
    getPaymentsStatus(organizer.id),
  ]);
  const stillNeeded = payments.currentlyDue.length + payments.pastDue.length;
  return (
    <main className={ui.page}>
      {params.denied ? (
        <p className={alertClass("error")} role="alert">
          Your role in {profile.name} does not give access to that page.
        </p>
      ) : null}
      <h1>{profile.name}</h1>
      <OrganizerDashboard timeZone={profile.timezone} />
      <section className={cx(ui.card, ui.stack)}>
        <h2>Payments</h2>
        <StripeStatusBadges status={payments} />
        {payments.connected && stillNeeded > 0 ? (
          <p className={ui.small}>
            Stripe still needs {stillNeeded === 1 ? "one thing" : `${stillNeeded} things`} from you.
          </p>
        ) : null}
        <p>
          <Link href="/tickets/organizer/payments">
            {payments.connected
              ? "Stripe status and requirements →"
              : "Connect Stripe to sell paid tickets →"}
          </Link>
        </p>
        <p className={ui.hint}>
          Prices in {profile.defaultCurrency.toUpperCase()} · times in {profile.timezone.replace(/_/g, " ")}
        </p>
      </section>
      <section className={ui.stack}>
        <h2>Logo</h2>
        <p className={ui.hint}>Shown in buyers&rsquo; confirmation emails.</p>
        <OrganizerLogoUpload logoUrl={profile.logoUrl} />
      </section>
      {roleAllows(role, ROLES.owner) ? (
        <section className={cx(ui.card, ui.stack)}>
          <h2>Confirmation emails</h2>
          <EmailSettings attachTicketsPdf={profile.attachTicketsPdf} />
        </section>
      ) : null}
      <section className={cx(ui.card, ui.stack)}>
        <h2>Team</h2>
        <p>
          <Link href="/tickets/organizer/team">Manage who can run events and scan tickets →</Link>
        </p>
      </section>
    </main>
  );
}

/** A scanner's portal: the organizer's published events, each linking to its check-in page; nothing else. */
async function ScannerOverview({
  organizer,
  denied,
}: {
  organizer: { id: string; name: string };
  denied: boolean;
}) {
  const events = (await listOrganizerEvents(organizer.id)).filter((e) => e.status === "published");
  return (
    <main className={ui.page}>
      {denied ? (
        <p className={alertClass("error")} role="alert">
          Your role in {organizer.name} gives access to check-in only.
        </p>
      ) : null}
      <h1>{organizer.name}</h1>
      <section className={cx(ui.card, ui.stack)}>
        <h2>Check-in</h2>
        {events.length === 0 ? (
          <p>No published events to check in yet.</p>
        ) : (
          <ul>
            {events.map((event) => (
              <li key={event.id}>
                <Link href={`/tickets/organizer/events/${encodeURIComponent(event.id)}/checkin`}>
                  {event.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
