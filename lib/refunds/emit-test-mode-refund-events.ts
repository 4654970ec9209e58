// Test mode (no Stripe keys): what Stripe would send after a refund is created — refund.created (pending),
// charge.refunded (the charge with its refunds) and refund.updated (succeeded) — signed with the test-mode
// secret and posted to our own webhook route over HTTP, so refunds run the real pipeline too. Event ids
// derive from the (random) Stripe refund id: a retried job re-sends the same events and the store ignores
// them.
import "server-only";
import { env } from "@/lib/env";
import { signTestModeWebhook } from "@/lib/payments/webhook-secrets";

export interface TestModeRefund {
  stripeRefundId: string;
  refundId: string;
  orderId: string;
  source: string;
  amountMinor: number;
  currency: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  /** What the charge had refunded before this refund. */
  previouslyRefundedMinor: number;
  chargeAmountMinor: number;
  direct: boolean;
  stripeAccountId: string | null;
}

export async function emitTestModeRefundEvents(refund: TestModeRefund, origin = env.APP_URL): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  // Named after the random payment intent, so every refund of one order points at the same charge.
  const chargeId =
    refund.chargeId ?? `ch_${(refund.paymentIntentId ?? refund.stripeRefundId).replace(/^[a-z]+_/, "")}`;
  const object = (status: "pending" | "succeeded") => ({
    id: refund.stripeRefundId,
    object: "refund",
    amount: refund.amountMinor,
    currency: refund.currency,
    charge: chargeId,
    payment_intent: refund.paymentIntentId,
    status,
    reason: "requested_by_customer",
    metadata: { refund_id: refund.refundId, order_id: refund.orderId, source: refund.source },
    created: now,
  });
  const charge = {
    id: chargeId,
    object: "charge",
    amount: refund.chargeAmountMinor,
    amount_refunded: refund.previouslyRefundedMinor + refund.amountMinor,
    currency: refund.currency,
    payment_intent: refund.paymentIntentId,
    refunded: refund.previouslyRefundedMinor + refund.amountMinor >= refund.chargeAmountMinor,
    refunds: { object: "list", data: [object("succeeded")], has_more: false },
    metadata: { order_id: refund.orderId },
  };
  const events: [string, string, unknown][] = [
    ["created", "refund.created", object("pending")],
    ["charge", "charge.refunded", charge],
    ["updated", "refund.updated", object("succeeded")],
  ];
  for (const [suffix, type, data] of events) {
    const payload = JSON.stringify({
      id: `evt_test_${refund.stripeRefundId}_${suffix}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: now,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      ...(refund.direct && refund.stripeAccountId ? { account: refund.stripeAccountId } : {}),
      data: { object: data },
    });
    const endpoint = refund.direct ? "connect" : "platform";
    const response = await fetch(
      new URL(
        refund.direct ? "/api/tickets/webhooks/stripe-connect" : "/api/tickets/webhooks/stripe",
        origin,
      ),
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": await signTestModeWebhook(payload, endpoint),
        },
        body: payload,
      },
    );
    if (!response.ok) throw new Error(`the webhook route answered ${response.status} to ${type}`);
  }
}
