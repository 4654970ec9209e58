import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckinDashboard } from "@/components/checkin-admin/checkin-dashboard";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES, roleAllows } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { getEventCheckins } from "@/lib/checkin/get-event-checkins";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check-in" };

export default async function EventCheckinPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { organizer, role } = await requireOrganizerPage(ROLES.checkIn, {
    callbackUrl: `/tickets/organizer/events/${encodeURIComponent(id)}/checkin`,
  });
  const initial = await getEventCheckins(organizer.id, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "feature_disabled") return error;
    throw error;
  });
  if (isAppError(initial)) {
    return (
      <main className={ui.page}>
        <h1>Check-in</h1>
        <p role="alert">{initial.message}</p>
      </main>
    );
  }
  const canManage = roleAllows(role, ROLES.manage);
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        {canManage ? (
          <Link href={`/tickets/organizer/events/${encodeURIComponent(id)}`}>← {initial.event.title}</Link>
        ) : (
          <Link href="/tickets/organizer">← Organizer</Link>
        )}
      </p>
      <h1>Check-in: {initial.event.title}</h1>
      <CheckinDashboard eventId={id} canManage={canManage} />
    </main>
  );
}
