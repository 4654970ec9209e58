// Payment landed (a Stripe webhook, the test-mode payment page, or a free order): one transaction turns
// the order's holds into tickets, marks it paid and queues the confirmation email. Idempotent: a
// redelivered event finds the order paid (or its payment already recorded) and does nothing. A payment that
// cannot be honoured — the event was cancelled or has ended, the order was cancelled, or its holds lapsed and
// the seats were sold meanwhile — is recorded and refunded through the one refund path
// (refundUnhonouredPayment); a payment whose amount or currency is not the order's is a permanent failure
// (the webhook event ends `failed` at once, visible for an admin), never retried.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { refundUnhonouredPayment, type UnhonouredReason } from "@/lib/checkout/refund-unhonoured-payment";
import { storeChargedTax, type ChargedTax } from "@/lib/checkout/store-charged-tax";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CONVERSION_TRANSACTION_TIMEOUT_MS, convertHolds } from "@/lib/inventory/convert-holds";
import { PermanentJobError } from "@/lib/jobs/define-job";
import { log } from "@/lib/log";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

export type PaymentEvidence =
  | { kind: "free" }
  | {
      kind: "stripe";
      checkoutSessionId: string;
      paymentIntentId: string | null;
      amountTotal: number | null;
      currency: string | null;
      /** Tax Stripe Tax added on top of our total, with the line items it was charged on. */
      tax?: ChargedTax;
    };

export type FulfillOutcome = "paid" | "already_paid" | "late_refund";

const SETTLED = new Set(["paid", "partially_refunded", "refunded"]);

export async function fulfillOrder(
  orderId: string,
  payment: PaymentEvidence,
  now = new Date(),
): Promise<FulfillOutcome> {
  const outcome = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ status: string; paid_at: Date | null }[]>`
        SELECT status::text AS status, paid_at FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
      const row = locked[0];
      if (!row) throw AppError.notFound("Order not found.");
      if (SETTLED.has(row.status)) return "already_paid" as const;
      // A cancelled order whose payment was recorded is being refunded already (a redelivery).
      if (row.paid_at !== null) return "late_refund" as const;

      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: {
          id: true,
          organizerId: true,
          totalMinor: true,
          currency: true,
          buyerEmail: true,
          buyerName: true,
          cancelledAt: true,
          event: { select: { title: true, slug: true, status: true, endsAt: true } },
        },
      });
      if (payment.kind === "stripe") {
        assertAmountMatches(order, payment);
        if (payment.tax && payment.tax.amountMinor > 0) await storeChargedTax(tx, orderId, payment.tax);
      }
      const stripeIds =
        payment.kind === "stripe"
          ? {
              stripeCheckoutSessionId: payment.checkoutSessionId,
              stripePaymentIntentId: payment.paymentIntentId,
            }
          : null;

      const refusal: UnhonouredReason | null =
        order.event.status === "cancelled"
          ? "event_cancelled"
          : row.status === "cancelled"
            ? "order_cancelled"
            : order.event.endsAt <= now
              ? "event_ended"
              : (await convertHolds(tx, orderId))
                ? null
                : "sold_out";
      if (refusal !== null) {
        if (!stripeIds) throw AppError.conflict("These tickets can no longer be issued.");
        await refundUnhonouredPayment(
          tx,
          {
            order,
            amountMinor: (payment.kind === "stripe" ? payment.amountTotal : null) ?? order.totalMinor,
            stripeIds,
            reason: refusal,
          },
          now,
        );
        return "late_refund" as const;
      }

      await tx.order.update({ where: { id: orderId }, data: { status: "paid", paidAt: now, ...stripeIds } });
      await issueTicketsForOrder(tx, orderId);
      await queueOrderConfirmation(tx, orderId, { accessToken: orderAccessTokenFor(orderId).token });
      await recordAudit(tx, {
        organizerId: order.organizerId,
        actorType: payment.kind === "stripe" ? "stripe" : "system",
        action: "order.paid",
        entityType: "order",
        entityId: orderId,
        data: {
          totalMinor: order.totalMinor + (payment.kind === "stripe" ? (payment.tax?.amountMinor ?? 0) : 0),
          currency: order.currency,
          ...stripeIds,
        },
      });
      return "paid" as const;
    },
    { timeout: CONVERSION_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
  log.info({ event: `tickets.checkout.${outcome}`, orderId }, "order fulfilment");
  return outcome;
}

/** A payment of another amount or currency than the order's: retrying cannot change it. */
function assertAmountMatches(
  order: { totalMinor: number; currency: string },
  payment: Extract<PaymentEvidence, { kind: "stripe" }>,
): void {
  if (payment.currency !== null && payment.currency.toLowerCase() !== order.currency) {
    throw new PermanentJobError(`paid in ${payment.currency}, order is in ${order.currency}`);
  }
  // With Stripe Tax, Stripe adds the tax on top of our total: exactly that, nothing else.
  const expected = order.totalMinor + (payment.tax?.amountMinor ?? 0);
  const amount = payment.amountTotal;
  if (amount !== null && amount !== expected) {
    throw new PermanentJobError(`paid ${amount}, order total is ${expected}`);
  }
}
