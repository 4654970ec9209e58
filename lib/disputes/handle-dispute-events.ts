// charge.dispute.created → flag the order and its tickets; charge.dispute.closed → won: clear the flags;
// lost: the money went back to the buyer, so the order converges through applyRefund like any refund
// (tickets voided, revoked, capacity freed), keyed by the dispute id. The dispute is re-fetched with keys.
// A dispute about a payment whose order is not paid yet throws, so the queue retries (see refunds).
import "server-only";
import type Stripe from "stripe";
import { clearDispute, flagDispute } from "@/lib/disputes/flag-dispute";
import { applyRefund } from "@/lib/refunds/apply-refund";
import { findOrderForPayment, idOf, isSettledOrder } from "@/lib/refunds/find-order-for-payment";
import type { WebhookHandlerContext } from "@/lib/webhooks/handlers";

type DisputeEvent = Stripe.ChargeDisputeCreatedEvent | Stripe.ChargeDisputeClosedEvent;

async function loadDispute(event: DisputeEvent, ctx: WebhookHandlerContext): Promise<Stripe.Dispute> {
  if (!ctx.stripe) return event.data.object;
  return ctx.stripe.disputes.retrieve(
    event.data.object.id,
    {},
    event.account ? { stripeAccount: event.account } : undefined,
  );
}

async function orderFor(dispute: Stripe.Dispute, ctx: WebhookHandlerContext): Promise<string | null> {
  const order = await findOrderForPayment({
    paymentIntentId: idOf(dispute.payment_intent),
    chargeId: idOf(dispute.charge),
  });
  if (!order) {
    if (ctx.attempt >= 4) {
      ctx.ignore(`no order for disputed payment ${idOf(dispute.payment_intent) ?? "unknown"}`);
      return null;
    }
    throw new Error(`no order for dispute ${dispute.id} yet; retrying`);
  }
  if (!isSettledOrder(order)) throw new Error(`order ${order.id} is not paid yet; retrying`);
  return order.id;
}

export async function handleDisputeCreated(
  event: Stripe.ChargeDisputeCreatedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const dispute = await loadDispute(event, ctx);
  const orderId = await orderFor(dispute, ctx);
  if (!orderId) return;
  const flagged = await flagDispute({
    orderId,
    disputeId: dispute.id,
    amountMinor: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
  });
  if (!flagged) ctx.ignore(`dispute ${dispute.id} already recorded`);
}

export async function handleDisputeClosed(
  event: Stripe.ChargeDisputeClosedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const dispute = await loadDispute(event, ctx);
  const orderId = await orderFor(dispute, ctx);
  if (!orderId) return;
  if (dispute.status === "won" || dispute.status === "warning_closed" || dispute.status === "prevented") {
    const cleared = await clearDispute(orderId, dispute.id, dispute.status);
    if (!cleared) ctx.ignore("order not flagged as disputed");
    return;
  }
  if (dispute.status === "lost") {
    await applyRefund({
      orderId,
      stripeRefundId: dispute.id,
      amountMinor: dispute.amount,
      source: "dispute_lost",
      voidAllTickets: true,
    });
    return;
  }
  ctx.ignore(`dispute ${dispute.id} closed as ${dispute.status}`);
}
