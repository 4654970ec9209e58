import type { Metadata } from "next";
import Link from "next/link";
import { EventModerationActions } from "@/components/admin/event-moderation-actions";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { formatInZone } from "@/lib/events/zoned-time";
import {
  listPlatformEvents,
  PLATFORM_EVENT_FILTERS,
  type PlatformEventFilter,
} from "@/lib/moderation/list-platform-events";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

const FILTER_LABELS: Record<PlatformEventFilter, string> = {
  draft: "Draft",
  published: "Published",
  cancelled: "Cancelled",
  archived: "Archived",
  moderated: "Unpublished by an admin",
  appealed: "Waiting for review",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AdminEventsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdminPage();
  const raw = await searchParams;
  const values = { q: first(raw.q), status: first(raw.status) };
  const input = { ...values, cursor: first(raw.cursor) };
  const result = await listPlatformEvents(input).then(
    (page) => ({ page, error: null }),
    (error: unknown) => {
      if (!isAppError(error) || error.code !== "validation") throw error;
      return { page: null, error: error.message };
    },
  );
  const keep = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return (
    <main className={ui.page}>
      <h1>Events</h1>
      <form className={cx(ui.card, ui.row, "items-end")} method="get" aria-label="Find events">
        <div className={ui.field}>
          <label htmlFor="events-q">Event or organizer</label>
          <input id="events-q" name="q" type="search" defaultValue={values.q ?? ""} />
        </div>
        <div className={ui.field}>
          <label htmlFor="events-status">Status</label>
          <select id="events-status" name="status" defaultValue={values.status ?? ""}>
            <option value="">Any</option>
            {PLATFORM_EVENT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass()}>
          Show
        </button>
      </form>
      {result.error ? <Alert tone="error">{result.error}</Alert> : null}
      {result.page && result.page.events.length === 0 ? <EmptyState title="No events match." /> : null}
      {result.page && result.page.events.length > 0 ? (
        <TableFrame label="Events">
          <table className={ui.table} aria-label="Events">
            <thead>
              <tr>
                <th>Event</th>
                <th>Organizer</th>
                <th>Starts</th>
                <th>Status</th>
                <th>Moderation</th>
              </tr>
            </thead>
            <tbody>
              {result.page.events.map((event) => (
                <tr key={event.id} data-testid="admin-event-row">
                  <td>
                    <Link href={`/tickets/admin/events/${encodeURIComponent(event.id)}`}>
                      <strong>{event.title}</strong>
                    </Link>
                    {event.openReports > 0 ? (
                      <div>
                        <span className={badgeClass("warn")}>
                          {event.openReports} open report{event.openReports === 1 ? "" : "s"}
                        </span>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {event.organizer.name}
                    {event.organizer.status === "suspended" ? (
                      <div>
                        <span className={badgeClass("bad")}>Suspended</span>
                      </div>
                    ) : null}
                  </td>
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    {formatInZone(event.startsAt, event.timezone)}
                  </td>
                  <td>
                    <EventStatusBadge status={event.status} />
                  </td>
                  <td className={ui.stack}>
                    {event.moderatedAt ? (
                      <div className={ui.small}>
                        <span className={badgeClass("bad")}>Unpublished by an admin</span>
                        <p>{event.moderationReason}</p>
                        {event.appealedAt ? (
                          <p data-testid="appeal">
                            <span className={badgeClass("accent")}>Review asked</span> {event.appealNote}
                          </p>
                        ) : null}
                      </div>
                    ) : null}
                    <EventModerationActions event={event} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      <nav aria-label="Events pages" className={cx(ui.row, "justify-between")}>
        {raw.cursor ? (
          <Link href={`/tickets/admin/events${keep.size > 0 ? `?${keep}` : ""}`}>← First page</Link>
        ) : (
          <span />
        )}
        {result.page?.nextCursor ? (
          <Link
            href={`/tickets/admin/events?${new URLSearchParams([...keep, ["cursor", result.page.nextCursor]])}`}
          >
            Older events →
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
