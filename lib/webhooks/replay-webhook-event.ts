import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { processEventSingletonKey, processStripeEventJob } from "@/lib/webhooks/process-stripe-event";

export interface ReplayResult {
  eventId: string;
  /** False when a processing job for the event was already queued or running. */
  queued: boolean;
}

/**
 * Puts a stored event back through its handler (admin replay of a dead letter, or after a fix): status back
 * to pending, a new processing job, an audit entry. Attempts keep counting across replays.
 */
export async function replayWebhookEvent(
  eventId: string,
  options: { actorUserId?: string | null } = {},
): Promise<ReplayResult> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; type: string }[]>`
      SELECT status::text AS status, type FROM tickets_webhook_events WHERE id = ${eventId} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw AppError.notFound("Webhook event not found.");
    if (row.status !== "pending") {
      await tx.webhookEvent.update({
        where: { id: eventId },
        data: { status: "pending", processedAt: null },
      });
    }
    const jobId = await enqueueJob(
      processStripeEventJob,
      { eventId },
      { db: tx, singletonKey: processEventSingletonKey(eventId) },
    );
    await recordAudit(tx, {
      actorUserId: options.actorUserId ?? null,
      actorType: options.actorUserId ? "admin" : "system",
      action: "webhook.replayed",
      entityType: "webhook_event",
      entityId: eventId,
      data: { type: row.type, previousStatus: row.status, queued: jobId !== null },
    });
    return { eventId, queued: jobId !== null };
  });
}
