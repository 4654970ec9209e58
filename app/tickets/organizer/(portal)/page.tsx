import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizerOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const { organizer } = await requireOrganizerPage(ROLES.any);
  const [profile, params] = await Promise.all([getOrganizerProfile(organizer.id), searchParams]);
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
        {profile.stripe.connected ? (
          <p>
            Stripe account connected.{" "}
            <span className={`badge ${profile.stripe.chargesEnabled ? "ok" : "warn"}`}>
              {profile.stripe.chargesEnabled ? "Charges enabled" : "Charges not enabled yet"}
            </span>{" "}
            <span className={`badge ${profile.stripe.payoutsEnabled ? "ok" : "warn"}`}>
              {profile.stripe.payoutsEnabled ? "Payouts enabled" : "Payouts not enabled yet"}
            </span>
          </p>
        ) : (
          <p>
            <span className="badge warn">Stripe not connected yet</span>
          </p>
        )}
        <p className="small muted">
          Prices in {profile.defaultCurrency.toUpperCase()} · times in {profile.timezone.replace(/_/g, " ")}
        </p>
      </section>
      <section className="card stack">
        <h2>Team</h2>
        <p>
          <Link href="/tickets/organizer/team">Manage who can run events and scan tickets →</Link>
        </p>
      </section>
    </main>
  );
}
