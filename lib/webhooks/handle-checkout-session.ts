// checkout.session.* → orders. The payload is a pointer: with Stripe keys the session is re-fetched, and
// the order is found by our own id in its metadata (and must carry that session). Every path is
// idempotent, so duplicates and out-of-order deliveries end in the same state.
import "server-only";
import type Stripe from "stripe";
import { expireOrder } from "@/lib/checkout/expire-order";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import type { ChargedTax } from "@/lib/checkout/store-charged-tax";
import { db } from "@/lib/db";
import { recordOrderSignals } from "@/lib/fraud/record-order-signals";
import type { WebhookHandlerContext } from "@/lib/webhooks/handlers";

type SessionEvent =
  | Stripe.CheckoutSessionCompletedEvent
  | Stripe.CheckoutSessionAsyncPaymentSucceededEvent
  | Stripe.CheckoutSessionAsyncPaymentFailedEvent
  | Stripe.CheckoutSessionExpiredEvent;

async function loadSession(
  event: SessionEvent,
  ctx: WebhookHandlerContext,
  params: Stripe.Checkout.SessionRetrieveParams = {},
): Promise<Stripe.Checkout.Session> {
  if (!ctx.stripe) return event.data.object;
  return ctx.stripe.checkout.sessions.retrieve(
    event.data.object.id,
    params,
    event.account ? { stripeAccount: event.account } : undefined,
  );
}

/** The paying card's fingerprint (same card → same value across customers), for the fraud signals. */
function cardFingerprint(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  if (!intent || typeof intent === "string") return null;
  const charge = intent.latest_charge;
  if (!charge || typeof charge === "string") return null;
  return charge.payment_method_details?.card?.fingerprint ?? null;
}

/** Our order for a session, or null (then the event is ignored: not ours, or not this order's session). */
async function findOrder(session: Stripe.Checkout.Session): Promise<string | null> {
  const orderId = session.metadata?.order_id ?? session.client_reference_id;
  if (!orderId) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { stripeCheckoutSessionId: true },
  });
  if (!order || order.stripeCheckoutSessionId !== session.id) return null;
  return orderId;
}

export async function handleCheckoutPaid(
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const session = await loadSession(event, ctx, { expand: ["payment_intent.latest_charge"] });
  const orderId = await findOrder(session);
  if (!orderId) return ctx.ignore(`no order for session ${session.id}`);
  if (session.payment_status === "unpaid")
    return ctx.ignore("payment not yet confirmed (asynchronous method)");
  const paymentIntent = session.payment_intent;
  const outcome = await fulfillOrder(orderId, {
    kind: "stripe",
    checkoutSessionId: session.id,
    paymentIntentId: typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null),
    amountTotal: session.amount_total,
    currency: session.currency,
    tax: await chargedTax(session, event, ctx),
  });
  if (outcome === "paid") await recordOrderSignals(orderId, cardFingerprint(session));
}

/** The tax Stripe Tax added (total_details.amount_tax) and, with keys, the line items it was charged on. */
async function chargedTax(
  session: Stripe.Checkout.Session,
  event: SessionEvent,
  ctx: WebhookHandlerContext,
): Promise<ChargedTax> {
  const amountMinor = session.total_details?.amount_tax ?? 0;
  if (amountMinor === 0 || !ctx.stripe) return { amountMinor, lineItems: null };
  const items = await ctx.stripe.checkout.sessions.listLineItems(
    session.id,
    { limit: 100, expand: ["data.taxes"] },
    event.account ? { stripeAccount: event.account } : undefined,
  );
  return {
    amountMinor,
    lineItems: items.data.map((item) => ({
      amountSubtotal: item.amount_subtotal,
      taxes: (item.taxes ?? []).map((tax) => {
        const percentage = tax.rate.effective_percentage ?? tax.rate.percentage;
        return {
          amountMinor: tax.amount,
          name: tax.rate.display_name,
          rateBps: Number.isFinite(percentage) ? Math.round(percentage * 100) : null,
        };
      }),
    })),
  };
}

export async function handleCheckoutUnpaid(
  event: Stripe.CheckoutSessionExpiredEvent | Stripe.CheckoutSessionAsyncPaymentFailedEvent,
  ctx: WebhookHandlerContext,
): Promise<void> {
  const session = await loadSession(event, ctx);
  const orderId = await findOrder(session);
  if (!orderId) return ctx.ignore(`no order for session ${session.id}`);
  const changed = await expireOrder(
    orderId,
    event.type === "checkout.session.expired" ? "expired" : "payment_failed",
  );
  if (!changed) ctx.ignore("order is no longer pending");
}
