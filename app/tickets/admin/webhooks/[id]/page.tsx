import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReplayButton } from "@/components/admin/replay-button";
import { WebhookStatusBadge } from "@/components/admin/webhook-status-badge";
import { cx, ui } from "@/components/ui/styles";
import { requireAdminPage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { getWebhookEvent } from "@/lib/webhooks/get-webhook-event";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook event" };

export default async function AdminWebhookEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const event = await getWebhookEvent(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className={ui.page}>
      <p className={ui.small}>
        <Link href="/tickets/admin/webhooks">← Webhook events</Link>
      </p>
      <h1 className="font-mono break-all">{event.id}</h1>
      <dl className={cx(ui.card, "grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2")}>
        <dt className={ui.hint}>Type</dt>
        <dd>{event.type}</dd>
        <dt className={ui.hint}>Status</dt>
        <dd>
          <WebhookStatusBadge status={event.status} testId="webhook-status" />
        </dd>
        <dt className={ui.hint}>Attempts</dt>
        <dd>{event.attempts}</dd>
        <dt className={ui.hint}>Account</dt>
        <dd className="font-mono">{event.account ?? "platform"}</dd>
        <dt className={ui.hint}>Mode</dt>
        <dd>{event.livemode ? "live" : "test"}</dd>
        <dt className={ui.hint}>Received</dt>
        <dd>
          <time dateTime={event.receivedAt}>{event.receivedAt}</time>
        </dd>
        <dt className={ui.hint}>Processed</dt>
        <dd>{event.processedAt ? <time dateTime={event.processedAt}>{event.processedAt}</time> : "—"}</dd>
        <dt className={ui.hint}>Last error</dt>
        <dd className={event.lastError ? "break-words text-bad" : undefined}>{event.lastError ?? "—"}</dd>
      </dl>
      {event.replayable ? <ReplayButton eventId={event.id} /> : null}
      {event.status === "pending" ? (
        <p className={ui.hint}>
          Queued: the job worker processes it in a moment (reload to see the outcome).
        </p>
      ) : null}
      <h2>Payload</h2>
      <pre className={cx(ui.card, "overflow-x-auto text-xs")} data-testid="webhook-payload">
        {JSON.stringify(event.payload, null, 2)}
      </pre>
    </main>
  );
}
