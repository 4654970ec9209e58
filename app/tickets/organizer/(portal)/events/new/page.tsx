import type { Metadata } from "next";
import Link from "next/link";
import { CreateEventForm } from "@/components/events/create-event-form";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/events/new",
  });
  const profile = await getOrganizerProfile(organizer.id);
  return (
    <main className="container stack">
      <p className="small">
        <Link href="/tickets/organizer/events">← Events</Link>
      </p>
      <h1>New event</h1>
      <p className="muted">
        Events start as drafts. Add ticket tiers on the next page, then publish when you are ready to sell.
      </p>
      <CreateEventForm defaultTimezone={profile.timezone} defaultCurrency={profile.defaultCurrency} />
    </main>
  );
}
