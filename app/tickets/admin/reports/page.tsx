import type { Metadata } from "next";
import Link from "next/link";
import { ReportActions } from "@/components/admin/report-actions";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { badgeClass, cx, ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { formatInZone } from "@/lib/events/zoned-time";
import { listEventReports } from "@/lib/moderation/list-event-reports";
import { REPORT_CATEGORIES, type ReportCategory } from "@/lib/moderation/moderation-rules";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const STATUSES = { open: "Open", actioned: "Acted on", dismissed: "Dismissed" } as const;

export default async function AdminReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdminPage();
  const raw = await searchParams;
  const status = first(raw.status) ?? "open";
  const result = await listEventReports({ status, cursor: first(raw.cursor) }).then(
    (page) => ({ page, error: null }),
    (error: unknown) => {
      if (!isAppError(error) || error.code !== "validation") throw error;
      return { page: null, error: error.message };
    },
  );
  return (
    <main className={ui.page}>
      <h1>Reports</h1>
      <nav aria-label="Report status" className={ui.row}>
        {Object.entries(STATUSES).map(([value, label]) => (
          <Link
            key={value}
            href={`/tickets/admin/reports?status=${value}`}
            aria-current={status === value ? "page" : undefined}
            className={badgeClass(status === value ? "accent" : "neutral")}
          >
            {label}
          </Link>
        ))}
      </nav>
      {result.error ? <Alert tone="error">{result.error}</Alert> : null}
      {result.page && result.page.reports.length === 0 ? (
        <EmptyState title={status === "open" ? "No open reports." : "No reports here."} />
      ) : null}
      <ul className="m-0 flex list-none flex-col gap-3 p-0">
        {result.page?.reports.map((report) => (
          <li key={report.id} className={cx(ui.card, ui.stack)} data-testid="report">
            <div className={ui.row}>
              <strong>
                <Link href={`/tickets/admin/events/${encodeURIComponent(report.event.id)}`}>
                  {report.event.title}
                </Link>
              </strong>
              <span className={ui.hint}>by {report.event.organizer.name}</span>
              <span className={badgeClass("warn")}>
                {REPORT_CATEGORIES[report.category as ReportCategory] ?? report.category}
              </span>
              {report.event.moderatedAt ? (
                <span className={badgeClass("bad")}>Unpublished by an admin</span>
              ) : null}
            </div>
            <p className="whitespace-pre-line">{report.details}</p>
            <p className={ui.hint}>
              <time dateTime={report.createdAt}>{formatInZone(report.createdAt, "UTC")}</time>
              {report.email ? ` · ${report.email}` : " · anonymous"} ·{" "}
              <Link href={`/tickets/e/${encodeURIComponent(report.event.slug)}`}>public page</Link>
            </p>
            {report.status === "open" ? <ReportActions reportId={report.id} event={report.event} /> : null}
          </li>
        ))}
      </ul>
      {result.page?.nextCursor ? (
        <Link
          href={`/tickets/admin/reports?${new URLSearchParams({ status, cursor: result.page.nextCursor })}`}
        >
          Older reports →
        </Link>
      ) : null}
    </main>
  );
}
