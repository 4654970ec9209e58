// The Stripe-format checkout.session.* event Stripe would send for a test-mode order, built in one place for
// the test-mode payment page, the admin self-test and the e2e dead-letter seed. Pure.
import { testModeStripeId } from "@/lib/payments/test-mode-stripe-id";

export type TestPaymentOutcome = "pay" | "cancel" | "fail";

export interface TestModeCheckoutOrder {
  id: string;
  totalMinor: number;
  currency: string;
  buyerEmail: string;
  chargeType: "destination" | "direct";
  stripeAccountId: string | null;
  stripeCheckoutSessionId: string;
  expiresAt: Date | null;
}

/** The order columns a TestModeCheckoutOrder is read from. */
export const testModeCheckoutOrderSelect = {
  id: true,
  totalMinor: true,
  currency: true,
  buyerEmail: true,
  chargeType: true,
  stripeAccountId: true,
  stripeCheckoutSessionId: true,
  expiresAt: true,
} as const;

export interface TestModeCheckoutEvent {
  /** The JSON body to sign and post. */
  payload: string;
  eventId: string;
  type: string;
  /** Which webhook endpoint (and secret) the event belongs to. */
  endpoint: "platform" | "connect";
}

export function buildTestModeCheckoutEvent(
  order: TestModeCheckoutOrder,
  outcome: TestPaymentOutcome,
  now = new Date(),
): TestModeCheckoutEvent {
  const type =
    outcome === "pay"
      ? "checkout.session.completed"
      : outcome === "cancel"
        ? "checkout.session.expired"
        : "checkout.session.async_payment_failed";
  const created = Math.floor(now.getTime() / 1000);
  const session = {
    id: order.stripeCheckoutSessionId,
    object: "checkout.session",
    mode: "payment",
    livemode: false,
    status: outcome === "pay" ? "complete" : outcome === "cancel" ? "expired" : "complete",
    payment_status: outcome === "pay" ? "paid" : "unpaid",
    amount_subtotal: order.totalMinor,
    amount_total: order.totalMinor,
    currency: order.currency,
    client_reference_id: order.id,
    customer_email: order.buyerEmail,
    metadata: { order_id: order.id },
    payment_intent: outcome === "cancel" ? null : testModeStripeId("pi"),
    created,
    expires_at: order.expiresAt ? Math.floor(order.expiresAt.getTime() / 1000) : created,
  };
  const direct = order.chargeType === "direct";
  const eventId = testModeStripeId("evt");
  const event = {
    id: eventId,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(direct && order.stripeAccountId ? { account: order.stripeAccountId } : {}),
    data: { object: session },
  };
  return { payload: JSON.stringify(event), eventId, type, endpoint: direct ? "connect" : "platform" };
}
