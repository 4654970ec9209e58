import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventEditor } from "@/components/events/event-editor";
import { ModerationNotice } from "@/components/moderation/moderation-notice";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { getOrganizerEvent } from "@/lib/events/get-organizer-event";
import { getEventModeration } from "@/lib/moderation/get-event-moderation";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Event" };

export default async function OrganizerEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: `/tickets/organizer/events/${encodeURIComponent(id)}`,
  });
  const event = await getOrganizerEvent(organizer.id, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const moderation = await getEventModeration(organizer.id, event.id);
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href="/tickets/organizer/events">← Events</Link>
      </p>
      <h1>{event.title}</h1>
      {moderation?.moderatedAt ? <ModerationNotice initial={moderation} /> : null}
      <EventEditor initialEvent={event} />
    </main>
  );
}
