// The checkout as buyers meet it, for the inventory's timing and race tests: an on-sale event with one tier,
// a buyer's pending order made by the real checkout (test mode, no Stripe keys), the payment evidence its
// webhook carries, and time passing for its holds.
import "server-only";
import { CHECKOUT_SESSION_MS, createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import type { PaymentEvidence } from "@/lib/checkout/fulfill-order";
import { db } from "@/lib/db";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
import { ageHolds } from "@/lib/inventory/testing/fixtures";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

/** From the reservation to the holds' lapse: the Checkout Session's lifetime and the grace after it. */
export const HOLD_LIFETIME_MS = CHECKOUT_SESSION_MS + HOLD_GRACE_MS;

export async function setUpOneTierEvent(capacity: number, eventCapacity: number | null = null) {
  const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, { capacity: eventCapacity });
  const tier = await createTier(event.id, { name: "GA", capacity, maxPerOrder: 10 });
  return { organizer, owner, event, tier };
}

/** A buyer starts checkout for `quantity` seats of the tier: the pending order's id. */
export async function startCheckout(eventId: string, tierId: string, quantity = 1): Promise<string> {
  const { orderId } = await createCheckoutSession({
    eventId,
    items: [{ tierId, quantity }],
    buyer: { email: "fan@example.test", name: "Fan" },
  });
  return orderId;
}

/** What checkout.session.completed says about the order's payment. */
export async function paymentFor(orderId: string): Promise<PaymentEvidence> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return {
    kind: "stripe",
    checkoutSessionId: order.stripeCheckoutSessionId ?? "",
    paymentIntentId: `pi_test_${orderId}`,
    amountTotal: order.totalMinor,
    currency: order.currency,
  };
}

/** Time passes for the order's holds until they lapsed `agoMs` ago (by the database's clock). */
export async function lapseHolds(orderId: string, agoMs = 1_000): Promise<void> {
  await ageHolds(db, orderId, HOLD_LIFETIME_MS + agoMs);
}
