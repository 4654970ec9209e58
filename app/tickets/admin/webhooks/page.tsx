import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { TableFrame } from "@/components/ui/table-frame";
import { WebhookStatusBadge } from "@/components/admin/webhook-status-badge";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { listWebhookEvents } from "@/lib/webhooks/list-webhook-events";
import { WEBHOOK_STATUSES, type WebhookEventPage } from "@/lib/webhooks/webhook-event-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook events" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AdminWebhooksPage({ searchParams }: Props) {
  await requireAdminPage();
  const query = await searchParams;
  const status = first(query.status) ?? "";
  const type = first(query.type) ?? "";
  let page: WebhookEventPage = { events: [], nextCursor: null };
  let error: string | null = null;
  try {
    page = await listWebhookEvents({
      status: status || undefined,
      type: type || undefined,
      cursor: first(query.cursor),
    });
  } catch (e) {
    if (!isAppError(e) || e.code !== "validation") throw e;
    error = e.message;
  }
  const next = new URLSearchParams({ ...(status ? { status } : {}), ...(type ? { type } : {}) });
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  return (
    <main className={ui.page}>
      <h1>Stripe webhook events</h1>
      <p className={ui.hint}>
        Every event Stripe sent, newest first. A failed event is a dead letter: processing gave up after its
        retries. Open it to see the payload and replay it.
      </p>
      <form className={cx(ui.row, "items-end")} method="get" aria-label="Filter events">
        <div className={ui.field}>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">Any</option>
            {WEBHOOK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.field}>
          <label htmlFor="type">Type</label>
          <input id="type" name="type" defaultValue={type} placeholder="checkout.session.completed" />
        </div>
        <button type="submit" className={buttonClass({ variant: "secondary" })}>
          Filter
        </button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {page.events.length === 0 ? (
        <EmptyState title="No events match." />
      ) : (
        <TableFrame label="Webhook events">
          <table className={ui.table} aria-label="Webhook events">
            <thead>
              <tr>
                <th>Event</th>
                <th>Type</th>
                <th>Status</th>
                <th className="text-right">Attempts</th>
                <th>Last error</th>
                <th>Received</th>
                <th>Processed</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.id}>
                  <td className="font-mono text-sm">
                    <Link href={`/tickets/admin/webhooks/${encodeURIComponent(event.id)}`}>{event.id}</Link>
                    {event.account ? <div className={ui.hint}>{event.account}</div> : null}
                  </td>
                  <td className={ui.small}>{event.type}</td>
                  <td>
                    <WebhookStatusBadge status={event.status} />
                  </td>
                  <td className="text-right tabular-nums">{event.attempts}</td>
                  <td className={cx(ui.small, "max-w-xs break-words text-bad")}>{event.lastError ?? ""}</td>
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    <time dateTime={event.receivedAt}>
                      {event.receivedAt.replace("T", " ").slice(0, 19)} UTC
                    </time>
                  </td>
                  <td className={cx(ui.small, "whitespace-nowrap")}>
                    {event.processedAt ? (
                      <time dateTime={event.processedAt}>
                        {event.processedAt.replace("T", " ").slice(0, 19)} UTC
                      </time>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {page.nextCursor ? (
        <nav aria-label="Event pages">
          <Link className={buttonClass({ variant: "secondary" })} href={`/tickets/admin/webhooks?${next}`}>
            Older events →
          </Link>
        </nav>
      ) : null}
    </main>
  );
}
