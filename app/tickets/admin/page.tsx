import type { Metadata } from "next";
import Link from "next/link";
import { RunRemindersButton } from "@/components/admin/run-reminders-button";
import { cx, ui } from "@/components/ui/styles";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { requireAdminPage } from "@/lib/auth/require-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Platform admin" };

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const overview = await getAdminOverview();
  const cards = [
    {
      href: "/tickets/admin/events?status=appealed",
      title: "Waiting for review",
      value: overview.events.awaitingReview,
      hint: "Moderated events whose organizer asked for review",
    },
    {
      href: "/tickets/admin/reports",
      title: "Open reports",
      value: overview.openReports,
      hint: "Filed from public event pages",
    },
    {
      href: "/tickets/admin/organizers",
      title: "Organizers",
      value: overview.organizers.total,
      hint: `${overview.organizers.suspended} suspended`,
    },
    {
      href: "/tickets/admin/events?status=published",
      title: "Published events",
      value: overview.events.published,
      hint: `${overview.events.moderated} unpublished by an admin`,
    },
  ];
  return (
    <main className={ui.page}>
      <h1>Platform admin</h1>
      <div className={ui.grid}>
        {cards.map((card) => (
          <Link key={card.href} href={card.href} className={cx(ui.card, ui.stack, "text-fg no-underline")}>
            <span className={ui.hint}>{card.title}</span>
            <strong className="text-3xl tabular-nums">{card.value}</strong>
            <span className={ui.hint}>{card.hint}</span>
          </Link>
        ))}
      </div>
      <section className={cx(ui.card, ui.stack)}>
        <h2>Event reminders</h2>
        <p className={ui.hint}>
          Buyers get an email 24 hours before their event starts; the worker sends them every 5 minutes, once
          per order.
        </p>
        <RunRemindersButton />
      </section>
      <p className={ui.hint}>
        Every admin action is recorded in the <Link href="/tickets/admin/audit">audit log</Link> with its
        reason.
      </p>
    </main>
  );
}
