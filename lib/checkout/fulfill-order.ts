// Payment landed (a Stripe webhook, the test-mode payment page, or a free order): one transaction turns
// the order's holds into tickets, marks it paid and queues the confirmation email. Idempotent: a
// redelivered event finds the order paid and does nothing. A payment that arrives after its holds lapsed
// keeps its seats when there is still room; otherwise the order is cancelled, the money refunded by a job,
// the buyer gets an apology and the audit log says why.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { refundLatePaymentJob } from "@/lib/checkout/refund-late-payment-job";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { CONVERSION_TRANSACTION_TIMEOUT_MS, convertHolds } from "@/lib/inventory/convert-holds";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { formatMoney } from "@/lib/money/format-money";
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
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
      const status = locked[0]?.status;
      if (!status) throw AppError.notFound("Order not found.");
      if (SETTLED.has(status)) return "already_paid" as const;
      if (status === "cancelled" && payment.kind === "stripe") {
        const lateRefund = await tx.refund.findFirst({ where: { orderId }, select: { id: true } });
        if (lateRefund) return "late_refund" as const;
      }

      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: {
          organizerId: true,
          totalMinor: true,
          currency: true,
          buyerEmail: true,
          buyerName: true,
          event: { select: { title: true, slug: true, stripeTaxEnabled: true } },
        },
      });
      if (payment.kind === "stripe") assertAmountMatches(order, payment);
      const stripeIds =
        payment.kind === "stripe"
          ? {
              stripeCheckoutSessionId: payment.checkoutSessionId,
              stripePaymentIntentId: payment.paymentIntentId,
            }
          : {};

      if (!(await convertHolds(tx, orderId))) {
        await tx.order.update({
          where: { id: orderId },
          data: { status: "cancelled", cancelledAt: now, ...stripeIds },
        });
        await enqueueJob(
          refundLatePaymentJob,
          { orderId },
          { db: tx, singletonKey: `late-refund:${orderId}` },
        );
        await queueEmail(
          {
            to: order.buyerEmail,
            template: "late-payment-refund",
            props: {
              buyerName: order.buyerName,
              eventTitle: order.event.title,
              amount: formatMoney(
                payment.kind === "stripe" ? (payment.amountTotal ?? order.totalMinor) : 0,
                order.currency,
              ),
              eventUrl: new URL(`/tickets/e/${order.event.slug}`, env.APP_URL).toString(),
            },
            organizerId: order.organizerId,
            orderId,
          },
          { db: tx },
        );
        await recordAudit(tx, {
          organizerId: order.organizerId,
          actorType: "stripe",
          action: "order.late_payment_refunded",
          entityType: "order",
          entityId: orderId,
          data: { reason: "payment arrived after the holds lapsed and the seats were sold", ...stripeIds },
        });
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
        data: { totalMinor: order.totalMinor, currency: order.currency, ...stripeIds },
      });
      return "paid" as const;
    },
    { timeout: CONVERSION_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
  log.info({ event: `tickets.checkout.${outcome}`, orderId }, "order fulfilment");
  return outcome;
}

function assertAmountMatches(
  order: { totalMinor: number; currency: string; event: { stripeTaxEnabled: boolean } },
  payment: Extract<PaymentEvidence, { kind: "stripe" }>,
): void {
  if (payment.currency !== null && payment.currency.toLowerCase() !== order.currency) {
    throw new Error(`paid in ${payment.currency}, order is in ${order.currency}`);
  }
  // With Stripe Tax, Stripe adds the tax on top of our total.
  const expected = order.totalMinor;
  const amount = payment.amountTotal;
  if (amount !== null && (order.event.stripeTaxEnabled ? amount < expected : amount !== expected)) {
    throw new Error(`paid ${amount}, order total is ${expected}`);
  }
}
