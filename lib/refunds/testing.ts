// Test helpers for refunds, disputes and cancellation: a paid order made by the real checkout code, signed
// webhook deliveries through the real route, an HTTP bridge for test-mode emitters, and THE shared
// assertion every refund path must satisfy (expectRefundedState).
import Stripe from "stripe";
import { expect } from "vitest";
import { POST as connectWebhookRoute } from "@/app/api/tickets/webhooks/stripe-connect/route";
import { POST as webhookRoute } from "@/app/api/tickets/webhooks/stripe/route";
import { routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import { db } from "@/lib/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { getAvailability } from "@/lib/inventory/get-availability";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobDefinitions } from "@/lib/jobs/registry";
import { getTestModeWebhookSecret } from "@/lib/payments/webhook-secrets";
import type { StandInTaxRate, StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import {
  stubStripeKeys,
  TEST_CONNECT_WEBHOOK_SECRET,
  TEST_PLATFORM_WEBHOOK_SECRET,
} from "@/lib/payments/testing/stub-stripe-env";

export async function setUpRefundEvent(
  options: { slug?: string; allowRefundsUntil?: Date | null; gaCapacity?: number; vipCapacity?: number } = {},
) {
  const { organizer, owner } = await createOrganizerWithOwner(options.slug, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, {
    allowRefundsUntil: options.allowRefundsUntil ?? null,
  });
  const ga = await createTier(event.id, { name: "GA", capacity: options.gaCapacity ?? 50 });
  const vip = await createTier(event.id, {
    name: "VIP",
    priceMinor: 6000,
    capacity: options.vipCapacity ?? 10,
  });
  return { organizer, owner, event, ga, vip };
}

/** A paid order made by the real checkout and fulfilment code (payment intent `pi_test_<orderId>`). */
export async function createPaidOrder(eventId: string, items: { tierId: string; quantity: number }[]) {
  const { orderId } = await createCheckoutSession({
    eventId,
    items,
    buyer: { email: "fan@example.test", name: "Fan One" },
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  await fulfillOrder(orderId, {
    kind: "stripe",
    checkoutSessionId: order.stripeCheckoutSessionId ?? "",
    paymentIntentId: `pi_test_${orderId}`,
    amountTotal: order.totalMinor,
    currency: order.currency,
  });
  return db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { tickets: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, items: true },
  });
}

/**
 * A paid order through Stripe (the stand-in): checkout with keys creates the session, the stand-in pays it
 * as Stripe would (payment intent, charge, transfer, application fee; `taxes` on top when the event uses
 * Stripe Tax) and checkout.session.completed is delivered to the webhook route. Leaves the keys configured.
 */
export async function createStripePaidOrder(
  standIn: StripeStandIn,
  eventId: string,
  items: { tierId: string; quantity: number }[],
  options: { chargeType?: "destination" | "direct"; taxes?: StandInTaxRate[]; discountCode?: string } = {},
) {
  const chargeType = options.chargeType ?? "destination";
  stubStripeKeys(standIn.url, { STRIPE_CHARGE_TYPE: chargeType });
  const { orderId } = await createCheckoutSession({
    eventId,
    items,
    buyer: { email: "fan@example.test", name: "Fan One" },
    ...(options.discountCode ? { discountCode: options.discountCode } : {}),
  });
  const pending = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const sessionId = pending.stripeCheckoutSessionId ?? "";
  standIn.paySession(sessionId, { taxes: options.taxes ?? [] });
  const account = pending.stripeAccountId ?? undefined;
  await deliverStripeEvent(
    "checkout.session.completed",
    { id: sessionId, object: "checkout.session", metadata: { order_id: orderId } },
    chargeType === "direct"
      ? { account, secret: TEST_CONNECT_WEBHOOK_SECRET }
      : { secret: TEST_PLATFORM_WEBHOOK_SECRET },
  );
  return db.order.findUniqueOrThrow({
    where: { id: orderId, status: "paid" },
    include: { tickets: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, items: true },
  });
}

/**
 * Posts a signed Stripe event to the real webhook route (this installation's test-mode secret unless given),
 * then runs jobs.
 */
export async function deliverStripeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; account?: string; secret?: string; run?: boolean } = {},
): Promise<void> {
  const payload = JSON.stringify({
    id: options.id ?? `evt_${Math.random().toString(36).slice(2)}`,
    object: "event",
    type,
    livemode: false,
    created: Math.floor(Date.now() / 1000),
    ...(options.account ? { account: options.account } : {}),
    data: { object },
  });
  const route = options.account ? connectWebhookRoute : webhookRoute;
  const response = await route(
    new Request(`http://localhost/api/tickets/webhooks/${options.account ? "stripe-connect" : "stripe"}`, {
      method: "POST",
      headers: {
        "stripe-signature": Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret ?? (await getTestModeWebhookSecret()),
        }),
        "content-type": "application/json",
      },
      body: payload,
    }),
    routeContext(),
  );
  expect(response.status).toBe(200);
  if (options.run !== false) await runJobs();
}

/** Runs every due job (also retries scheduled for later when `includeRetries`). */
export async function runJobs(options: { includeRetries?: boolean } = {}) {
  if (options.includeRetries) {
    await db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(Date.now() - 1000) } });
  }
  return runDueJobs(jobDefinitions);
}

/**
 * THE state every refund path must end in: order status and refunded amount; exactly `ticketIds` voided
 * (status refunded, voidedAt) and every other ticket of the order still valid; one revocation row per voided
 * ticket carrying its secret hash; availability giving the voided seats back; succeeded Refund rows summing
 * to the amount; a `refund.applied` audit entry per refund with an allocation that sums to its amount; the
 * buyer told.
 */
export async function expectRefundedState(
  orderId: string,
  expected: { ticketIds: string[]; amountMinor: number; status: "refunded" | "partially_refunded" | "paid" },
): Promise<void> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { tickets: true, refunds: true },
  });
  expect(order.status).toBe(expected.status);
  expect(order.refundedMinor).toBe(expected.amountMinor);
  const voided = new Set(expected.ticketIds);
  for (const ticket of order.tickets) {
    if (voided.has(ticket.id)) {
      expect(ticket.status, `ticket ${ticket.id}`).toBe("refunded");
      expect(ticket.voidedAt).not.toBeNull();
    } else {
      expect(ticket.status, `ticket ${ticket.id}`).toBe("valid");
      expect(ticket.voidedAt).toBeNull();
    }
  }
  const revoked = await db.revokedSecret.findMany({ where: { ticket: { orderId } } });
  expect(revoked.map((r) => r.ticketId).sort()).toEqual([...voided].sort());
  for (const row of revoked) {
    expect(row.secretHash).toBe(order.tickets.find((t) => t.id === row.ticketId)?.secretHash);
    expect(row.eventId).toBe(order.eventId);
  }

  const availability = await getAvailability(db, order.eventId);
  for (const tier of availability.tiers) {
    const issued = await db.ticket.count({ where: { tierId: tier.tierId } });
    const gone = await db.ticket.count({ where: { tierId: tier.tierId, status: { not: "valid" } } });
    expect(tier.sold, `tier ${tier.tierId} sold`).toBe(issued - gone);
    expect(tier.remaining).toBe(Math.max(0, tier.capacity - tier.sold - tier.held));
  }

  const succeeded = order.refunds.filter((r) => r.status === "succeeded");
  expect(succeeded.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(expected.amountMinor);
  const audits = await db.auditLog.findMany({
    where: { entityType: "order", entityId: orderId, action: "tickets.refund.applied" },
  });
  expect(audits).toHaveLength(succeeded.length);
  let audited = 0;
  for (const entry of audits) {
    const data = entry.data as { amountMinor: number; allocation: { amountMinor: number } | null };
    audited += data.amountMinor;
    expect(data.allocation?.amountMinor).toBe(data.amountMinor);
  }
  expect(audited).toBe(expected.amountMinor);
  expect(await db.emailOutbox.count({ where: { orderId, template: "refund-issued" } })).toBe(
    succeeded.length,
  );
}
