import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { processEventSingletonKey, processStripeEventJob } from "@/lib/webhooks/process-stripe-event";

export interface ReplayResult {
  eventId: string;
  /**
   * True when this call put the dead letter back in the queue; false when it was already back (a second or
   * concurrent replay, or a double click): nothing was written and the event is processed once.
   */
  queued: boolean;
}

export interface ReplayOptions {
  actorUserId?: string | null;
  /**
   * TEST ONLY: the control case of app/api/tickets/admin/webhooks/webhooks.test.ts, showing what the row lock
   * prevents: reads the status without FOR UPDATE, so concurrent replays all see the dead letter. Never set
   * it anywhere else.
   */
  unsafeSkipLock?: boolean;
}

/**
 * Puts a dead-lettered (failed) event back through its handler: status back to pending, one processing job
 * (one per event at a time, by its singleton key), an audit entry `tickets.webhook.replayed`, in one
 * transaction that holds the event's row lock, so replays at once are decided one after another. An event
 * already back in the queue (pending) is left alone (queued: false); a processed or ignored one is a 409.
 * Attempts keep counting across replays.
 */
export async function replayWebhookEvent(
  eventId: string,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  return db.$transaction(async (tx) => {
    const rows = options.unsafeSkipLock
      ? await tx.$queryRaw<{ status: string; type: string; account: string | null }[]>`
          SELECT status::text AS status, type, account FROM tickets_webhook_events WHERE id = ${eventId}`
      : await tx.$queryRaw<{ status: string; type: string; account: string | null }[]>`
          SELECT status::text AS status, type, account FROM tickets_webhook_events WHERE id = ${eventId}
          FOR UPDATE`;
    const row = rows[0];
    if (!row) throw AppError.notFound("Webhook event not found.");
    if (row.status === "pending") return { eventId, queued: false };
    if (row.status !== "failed") {
      throw AppError.conflict(
        `This event was ${row.status}: only a failed (dead-lettered) event is replayed.`,
      );
    }
    await tx.webhookEvent.update({ where: { id: eventId }, data: { status: "pending", processedAt: null } });
    const jobId = await enqueueJob(
      processStripeEventJob,
      { eventId },
      { db: tx, singletonKey: processEventSingletonKey(eventId) },
    );
    const organizer = row.account
      ? await tx.organizer.findUnique({ where: { stripeAccountId: row.account }, select: { id: true } })
      : null;
    await recordAudit(tx, {
      organizerId: organizer?.id ?? null,
      actorUserId: options.actorUserId ?? null,
      actorType: options.actorUserId ? "admin" : "system",
      action: "tickets.webhook.replayed",
      entityType: "webhook_event",
      entityId: eventId,
      data: { type: row.type, previousStatus: row.status, jobQueued: jobId !== null },
    });
    return { eventId, queued: true };
  });
}
