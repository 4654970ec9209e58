// The request half of the webhook pipeline: verify the signature over the raw body, store the event by id
// (a redelivery is a no-op), queue its processing in the same transaction, answer fast.
import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { getWebhookSecret, type WebhookEndpoint } from "@/lib/payments/webhook-secrets";
import { processEventSingletonKey, processStripeEventJob } from "@/lib/webhooks/process-stripe-event";
import { stripeEventSchema } from "@/lib/webhooks/stripe-event-schema";

/** Stripe events are a few KB; a generous limit, since a refused genuine event would be retried for days. */
export const STRIPE_WEBHOOK_MAX_BYTES = 2 * 1024 * 1024;

/** The request is not a genuine, well-formed Stripe event: answer 400 and store nothing. */
export class WebhookRejectedError extends Error {
  override name = "WebhookRejectedError";
}

function replaceNul(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD");
  if (Array.isArray(value)) return value.map(replaceNul);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [replaceNul(k) as string, replaceNul(v)]),
    );
  return value;
}

export interface ReceivedWebhook {
  eventId: string;
  type: string;
  /** True when the event was already stored (Stripe redelivered it): nothing was written or queued. */
  duplicate: boolean;
}

export async function receiveStripeWebhook(input: {
  endpoint: WebhookEndpoint;
  rawBody: string;
  signature: string | null;
}): Promise<ReceivedWebhook> {
  if (!input.signature) throw new WebhookRejectedError("Missing Stripe-Signature header.");
  const secret = await getWebhookSecret(input.endpoint);
  let verified: unknown;
  try {
    verified = Stripe.webhooks.constructEvent(input.rawBody, input.signature, secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new WebhookRejectedError("The Stripe signature does not match this body.");
    }
    if (error instanceof SyntaxError) throw new WebhookRejectedError("The body is not valid JSON.");
    throw error;
  }
  // A genuine event is stored even if some string in it holds a NUL (jsonb cannot): Stripe retries anything
  // but 2xx for days, so refusing it would only delay the same failure. NUL becomes U+FFFD in what we store.
  const hasNul = input.rawBody.includes("\\u0000");
  if (hasNul) verified = replaceNul(verified);
  const parsed = stripeEventSchema.safeParse(verified);
  if (!parsed.success) throw new WebhookRejectedError("The body is not a Stripe event.");
  const event = parsed.data;

  const fresh = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO tickets_webhook_events (id, type, account, livemode, payload)
      VALUES (${event.id}, ${event.type}, ${event.account ?? null}, ${event.livemode}, ${hasNul ? JSON.stringify(verified) : input.rawBody}::jsonb)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`;
    if (rows.length === 0) return false;
    await enqueueJob(
      processStripeEventJob,
      { eventId: event.id },
      { db: tx, singletonKey: processEventSingletonKey(event.id) },
    );
    return true;
  });
  log.info(
    {
      event: fresh ? "tickets.webhooks.received" : "tickets.webhooks.duplicate",
      eventId: event.id,
      type: event.type,
      endpoint: input.endpoint,
    },
    fresh ? "stripe event stored" : "stripe event already stored",
  );
  return { eventId: event.id, type: event.type, duplicate: !fresh };
}

/** 400 problem+json for a rejected webhook (no field detail beyond what is wrong with the request). */
export function webhookRejectedResponse(error: WebhookRejectedError): Response {
  return new Response(
    JSON.stringify({
      type: "https://stagedoor.dev/problems/invalid-webhook",
      title: "Invalid webhook",
      status: 400,
      detail: error.message,
      code: "validation",
    }),
    { status: 400, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
  );
}

/** The whole route: raw body in, 200 `{ received, duplicate }` or 400 out (other errors → 500, Stripe retries). */
export async function handleStripeWebhookRequest(
  request: Request,
  endpoint: WebhookEndpoint,
): Promise<Response | { received: true; duplicate: boolean }> {
  const rawBody = await request.text();
  try {
    const result = await receiveStripeWebhook({
      endpoint,
      rawBody,
      signature: request.headers.get("stripe-signature"),
    });
    return { received: true, duplicate: result.duplicate };
  } catch (error) {
    if (error instanceof WebhookRejectedError) {
      log.warn({ event: "tickets.webhooks.rejected", endpoint, reason: error.message }, "webhook rejected");
      return webhookRejectedResponse(error);
    }
    throw error;
  }
}
