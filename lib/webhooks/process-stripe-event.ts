// The worker half of the webhook pipeline: applies one stored Stripe event through the handler registry.
import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Db, type WebhookStatus } from "@/lib/db";
import { defineJob, PermanentJobError, type JobContext } from "@/lib/jobs/define-job";
import { getPaymentsMode } from "@/lib/payments/payments-mode";
import { getStripe } from "@/lib/payments/stripe-client";
import { findWebhookHandler } from "@/lib/webhooks/handlers";
import { stripeEventSchema } from "@/lib/webhooks/stripe-event-schema";

function errorMessage(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}

async function organizerIdForAccount(client: Db, account: string | null): Promise<string | null> {
  if (!account) return null;
  const organizer = await client.organizer.findUnique({
    where: { stripeAccountId: account },
    select: { id: true },
  });
  return organizer?.id ?? null;
}

/** Moves a pending event to a final status, with its audit entry, unless something else settled it first. */
async function settle(
  event: { id: string; type: string; account: string | null },
  status: Exclude<WebhookStatus, "pending">,
  detail: { reason?: string; error?: string } = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.updateMany({
      where: { id: event.id, status: "pending" },
      data: {
        status,
        attempts: { increment: 1 },
        lastError: status === "failed" ? (detail.error ?? null) : null,
        processedAt: status === "failed" ? null : new Date(),
      },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      organizerId: await organizerIdForAccount(tx, event.account),
      actorType: "stripe",
      action: `webhook.${status}`,
      entityType: "webhook_event",
      entityId: event.id,
      data: { type: event.type, ...detail },
    });
  });
}

/**
 * Applies one stored event: unknown type (or an event from the other mode than our key) → `ignored`; handler
 * succeeds → `processed`; handler throws → attempts + 1 and last_error, then rethrow so the queue retries
 * with backoff; on the last attempt the event ends `failed` (the dead letter, visible to admins and
 * replayable). Events that are no longer pending are left alone, so a duplicate job is harmless.
 */
export async function processStripeEvent(
  eventId: string,
  ctx: Pick<JobContext, "attempt" | "maxAttempts" | "log">,
): Promise<void> {
  const row = await db.webhookEvent.findUnique({
    where: { id: eventId },
    select: { id: true, type: true, account: true, livemode: true, status: true, payload: true },
  });
  if (!row) throw new PermanentJobError(`webhook event ${eventId} is not stored`);
  if (row.status !== "pending") {
    ctx.log.info({ event: "tickets.webhooks.already_settled", eventId, status: row.status }, "skipping");
    return;
  }
  const parsed = stripeEventSchema.safeParse(row.payload);
  if (!parsed.success) {
    await settle(row, "failed", { error: "stored payload is not a Stripe event" });
    throw new PermanentJobError(`webhook event ${eventId} has a malformed payload`);
  }
  const expectLivemode = getPaymentsMode() === "live";
  if (row.livemode !== expectLivemode) {
    await settle(row, "ignored", { reason: row.livemode ? "live event on a test platform" : "test event" });
    return;
  }
  const handler = findWebhookHandler(row.type);
  if (!handler) {
    await settle(row, "ignored", { reason: `no handler for ${row.type}` });
    return;
  }

  let ignoredBecause: string | null = null;
  try {
    await handler(parsed.data as unknown as Stripe.Event, {
      stripe: getStripe(),
      log: ctx.log.child({ eventId, eventType: row.type }),
      attempt: ctx.attempt,
      ignore: (reason) => {
        ignoredBecause = reason;
      },
    });
  } catch (error) {
    const message = errorMessage(error);
    const last = error instanceof PermanentJobError || ctx.attempt >= ctx.maxAttempts;
    if (last) {
      await settle(row, "failed", { error: message });
    } else {
      await db.webhookEvent.updateMany({
        where: { id: eventId, status: "pending" },
        data: { attempts: { increment: 1 }, lastError: message },
      });
    }
    throw error;
  }
  if (ignoredBecause !== null) await settle(row, "ignored", { reason: ignoredBecause });
  else await settle(row, "processed");
}

export const processStripeEventJob = defineJob({
  name: "stripe.process-event",
  payload: z.object({ eventId: z.string().min(1).max(255) }),
  maxAttempts: 8,
  handler: async ({ eventId }, ctx) => processStripeEvent(eventId, ctx),
});

/** One queued job per event at a time. */
export function processEventSingletonKey(eventId: string): string {
  return `stripe-event:${eventId}`;
}
