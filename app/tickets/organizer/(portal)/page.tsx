import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { OrganizerLogoUpload } from "@/components/organizers/organizer-logo-upload";
import { StripeStatusBadges } from "@/components/payments/stripe-status-badges";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizerOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { organizer, role } = await requireOrganizerPage(ROLES.any);
  const [profile, payments, params] = await Promise.all([
    getOrganizerProfile(organizer.id),
    getPaymentsStatus(organizer.id),
    searchParams,
  ]);
  const stillNeeded = payments.currentlyDue.length + payments.pastDue.length;
  return (
    <main className="container stack">
      {params.denied ? (
        <p className="alert error" role="alert">
          Your role in {profile.name} does not give access to that page.
        </p>
      ) : null}
      <h1>{profile.name}</h1>
      <section className="card stack">
        <h2>Payments</h2>
        <StripeStatusBadges status={payments} />
        {payments.connected && stillNeeded > 0 ? (
          <p className="small">
            Stripe still needs {stillNeeded === 1 ? "one thing" : `${stillNeeded} things`} from you.
          </p>
        ) : null}
        {role !== "scanner" ? (
          <p>
            <Link href="/tickets/organizer/payments">
              {payments.connected
                ? "Stripe status and requirements →"
                : "Connect Stripe to sell paid tickets →"}
            </Link>
          </p>
        ) : null}
        <p className="small muted">
          Prices in {profile.defaultCurrency.toUpperCase()} · times in {profile.timezone.replace(/_/g, " ")}
        </p>
      </section>
      {role !== "scanner" ? (
        <section className="stack">
          <h2>Logo</h2>
          <p className="small muted">Shown in buyers&rsquo; confirmation emails.</p>
          <OrganizerLogoUpload logoUrl={profile.logoUrl} />
        </section>
      ) : null}
      <section className="card stack">
        <h2>Team</h2>
        <p>
          <Link href="/tickets/organizer/team">Manage who can run events and scan tickets →</Link>
        </p>
      </section>
    </main>
  );
}
