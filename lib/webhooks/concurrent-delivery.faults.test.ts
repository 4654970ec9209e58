// Fault injection (issue 12 §2.4): a payment's webhook delivered 10 times at once (Stripe retrying an
// event it thinks timed out), and the same payment reported again under 10 other event ids, all processed
// by four workers at once. Exactly one state change: the order paid once, one set of tickets, one
// confirmation email queued, one audit entry.
import { describe, expect, it } from "vitest";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { jobDefinitions } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/worker";
import { stubStripeKeys, TEST_PLATFORM_WEBHOOK_SECRET } from "@/lib/payments/testing/stub-stripe-env";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { deliverStripeEvent } from "@/lib/refunds/testing";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

describe("a payment's webhook delivered many times concurrently", () => {
  const stripe = withStripeStandIn();

  it("changes the state once: one payment, one set of tickets, one email", async () => {
    stubStripeKeys(stripe.current.url);
    const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
    const event = await createOnSaleEvent(organizer.id);
    const tier = await createTier(event.id, { capacity: 10 });
    const { orderId } = await createCheckoutSession({
      eventId: event.id,
      items: [{ tierId: tier.id, quantity: 3 }],
      buyer: { email: "fan@example.test", name: "Fan" },
    });
    const { stripeCheckoutSessionId } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const sessionId = stripeCheckoutSessionId ?? "";
    stripe.current.paySession(sessionId);

    const session = { id: sessionId, object: "checkout.session", metadata: { order_id: orderId } };
    const deliver = (id: string) =>
      deliverStripeEvent("checkout.session.completed", session, {
        id,
        secret: TEST_PLATFORM_WEBHOOK_SECRET,
        run: false,
      });
    await Promise.all([
      ...Array.from({ length: 10 }, () => deliver("evt_completed_once")),
      ...Array.from({ length: 10 }, (_, i) => deliver(`evt_completed_again_${i}`)),
    ]);
    expect(await db.webhookEvent.count()).toBe(11);

    const outcomes = (
      await Promise.all(Array.from({ length: 4 }, (_, i) => runDueJobs(jobDefinitions, `worker-${i}`)))
    ).flat();
    expect(outcomes.filter((o) => o !== "succeeded")).toEqual([]);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("paid");
    expect(await db.ticket.count({ where: { orderId } })).toBe(3);
    expect(await db.emailOutbox.count({ where: { orderId } })).toBe(1);
    expect(await db.job.count({ where: { name: "email.send" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "tickets.order.paid", entityId: orderId } })).toBe(1);
    expect(await db.hold.count({ where: { orderId, releasedAt: null, convertedAt: null } })).toBe(0);
  });
});
