// The typed registry of Stripe event handlers. One handler per event type; a type not listed here is stored
// and marked `ignored`. Handlers treat the payload as a pointer: re-fetch the object when order matters, and
// make every write idempotent (events arrive twice and out of order).
import "server-only";
import type { Logger } from "pino";
import type Stripe from "stripe";
import { handleAccountUpdated } from "@/lib/webhooks/handle-account-updated";
import { handleCheckoutPaid, handleCheckoutUnpaid } from "@/lib/webhooks/handle-checkout-session";
import { handleDisputeClosed, handleDisputeCreated } from "@/lib/disputes/handle-dispute-events";
import { handleChargeRefunded, handleRefundEvent } from "@/lib/refunds/handle-refund-events";

export interface WebhookHandlerContext {
  /** The Stripe client, or null in test mode (then the verified payload is all there is). */
  stripe: Stripe | null;
  log: Logger;
  /** 1 on the first processing attempt. */
  attempt: number;
  /** Marks the event `ignored` instead of `processed` (e.g. it is about an account we do not know). */
  ignore(reason: string): void;
}

export type WebhookHandler = (event: Stripe.Event, ctx: WebhookHandlerContext) => Promise<void>;

/** Wraps a handler for one event type so it receives the narrowed event (`event.data.object` typed). */
export function forEventType<T extends Stripe.Event.Type>(
  type: T,
  handler: (event: Extract<Stripe.Event, { type: T }>, ctx: WebhookHandlerContext) => Promise<void>,
): WebhookHandler {
  return async (event, ctx) => {
    if (event.type !== type) throw new Error(`handler for ${type} received ${event.type}`);
    await handler(event as Extract<Stripe.Event, { type: T }>, ctx);
  };
}

export const webhookHandlers: Record<string, WebhookHandler> = {
  "account.updated": forEventType("account.updated", handleAccountUpdated),
  "checkout.session.completed": forEventType("checkout.session.completed", handleCheckoutPaid),
  "checkout.session.async_payment_succeeded": forEventType(
    "checkout.session.async_payment_succeeded",
    handleCheckoutPaid,
  ),
  "checkout.session.async_payment_failed": forEventType(
    "checkout.session.async_payment_failed",
    handleCheckoutUnpaid,
  ),
  "checkout.session.expired": forEventType("checkout.session.expired", handleCheckoutUnpaid),
  "charge.refunded": forEventType("charge.refunded", handleChargeRefunded),
  "refund.created": forEventType("refund.created", handleRefundEvent),
  "refund.updated": forEventType("refund.updated", handleRefundEvent),
  "refund.failed": forEventType("refund.failed", handleRefundEvent),
  "charge.dispute.created": forEventType("charge.dispute.created", handleDisputeCreated),
  "charge.dispute.closed": forEventType("charge.dispute.closed", handleDisputeClosed),
};

/** The handler for an event type, or undefined (only own keys: a type like "constructor" finds nothing). */
export function findWebhookHandler(type: string): WebhookHandler | undefined {
  return Object.hasOwn(webhookHandlers, type) ? webhookHandlers[type] : undefined;
}
