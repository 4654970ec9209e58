import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toWebhookEventRow, webhookRowSelect } from "@/lib/webhooks/list-webhook-events";
import { isReplayable, type WebhookEventDetail } from "@/lib/webhooks/webhook-event-view";

/** One stored Stripe event with its payload, for the platform admin (404 when unknown). */
export async function getWebhookEvent(eventId: string): Promise<WebhookEventDetail> {
  const row = await db.webhookEvent.findUnique({
    where: { id: eventId },
    select: { ...webhookRowSelect, payload: true },
  });
  if (!row) throw AppError.notFound("Webhook event not found.");
  const { payload, ...rest } = row;
  return { ...toWebhookEventRow(rest), payload, replayable: isReplayable(row.status) };
}
