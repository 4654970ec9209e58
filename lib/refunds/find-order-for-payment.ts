// Which of our orders a Stripe refund / charge / dispute is about: the order id in the refund's metadata
// (checked against the payment intent when both are known), else Order.stripePaymentIntentId, else
// Order.stripeChargeId. Null when none matches.
import "server-only";
import { db } from "@/lib/db";

export interface PaymentPointer {
  orderId?: string | null;
  paymentIntentId?: string | null;
  chargeId?: string | null;
}

export interface OrderForPayment {
  id: string;
  status: string;
  paidAt: Date | null;
  stripePaymentIntentId: string | null;
}

const select = { id: true, status: true, paidAt: true, stripePaymentIntentId: true } as const;

export async function findOrderForPayment(pointer: PaymentPointer): Promise<OrderForPayment | null> {
  if (pointer.orderId) {
    const order = await db.order.findUnique({ where: { id: pointer.orderId }, select });
    if (
      order &&
      (!pointer.paymentIntentId ||
        !order.stripePaymentIntentId ||
        order.stripePaymentIntentId === pointer.paymentIntentId)
    ) {
      return order;
    }
  }
  if (pointer.paymentIntentId) {
    const order = await db.order.findUnique({
      where: { stripePaymentIntentId: pointer.paymentIntentId },
      select,
    });
    if (order) return order;
  }
  if (pointer.chargeId) {
    return db.order.findFirst({ where: { stripeChargeId: pointer.chargeId }, select });
  }
  return null;
}

/** Stripe fields that may be an id or an expanded object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/**
 * Orders whose payment has landed (refunds and disputes only make sense for these): paid or refunded, and
 * cancelled orders whose payment was recorded because it could not be honoured (being refunded).
 */
export function isSettledOrder(order: { status: string; paidAt: Date | null }): boolean {
  return (
    order.paidAt !== null ||
    order.status === "paid" ||
    order.status === "partially_refunded" ||
    order.status === "refunded"
  );
}
