import type { Metadata } from "next";
import Link from "next/link";
import { EventList } from "@/components/events/event-list";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { listOrganizerEvents } from "@/lib/events/list-organizer-events";
import { buttonClass, cx, ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

export default async function OrganizerEventsPage() {
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/events",
  });
  const events = await listOrganizerEvents(organizer.id);
  return (
    <main className={ui.page}>
      <div className={cx(ui.row, "justify-between")}>
        <h1>Events</h1>
        <Link className={buttonClass()} href="/tickets/organizer/events/new">
          New event
        </Link>
      </div>
      <EventList events={events} />
    </main>
  );
}
