import type { Metadata } from "next";
import Link from "next/link";
import { CreateEventForm } from "@/components/events/create-event-form";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { getOrganizerProfile } from "@/lib/organizers/get-organizer-profile";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/events/new",
  });
  const profile = await getOrganizerProfile(organizer.id);
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href="/tickets/organizer/events">← Events</Link>
      </p>
      <h1>New event</h1>
      <p className={ui.muted}>
        Events start as drafts. Add ticket tiers on the next page, then publish when you are ready to sell.
      </p>
      <CreateEventForm defaultTimezone={profile.timezone} defaultCurrency={profile.defaultCurrency} />
    </main>
  );
}
