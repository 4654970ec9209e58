// Holds judged by one clock, the database's (issue 10 §6), through the real checkout, payment, expiry and
// capacity-change code, with app servers whose clocks run off the database's. Runs on PGlite and on a real
// server; the races between transactions are in holds.concurrency.test.ts.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CHECKOUT_SESSION_MS } from "@/lib/checkout/create-checkout-session";
import { expireOrder } from "@/lib/checkout/expire-order";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import { db } from "@/lib/db";
import { updateEvent } from "@/lib/events/update-event";
import { canReinstateOrder } from "@/lib/inventory/can-reinstate-order";
import { getAvailability } from "@/lib/inventory/get-availability";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
import { withAppClockOff } from "@/lib/inventory/testing/app-clock";
import { lapseHolds, paymentFor, setUpOneTierEvent, startCheckout } from "@/lib/inventory/testing/checkout";
import { ageHolds } from "@/lib/inventory/testing/fixtures";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobDefinitions } from "@/lib/jobs/registry";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { applyRefund } from "@/lib/refunds/apply-refund";
import { createPaidOrder } from "@/lib/refunds/testing";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";
import { sellTickets } from "@/lib/testing/factories";
import { updateTier } from "@/lib/tiers/update-tier";

const HOUR = 60 * 60_000;

async function databaseNow(): Promise<number> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT statement_timestamp() AS now`;
  return row?.now.getTime() ?? Number.NaN;
}

/** Seats of the event's first tier that are sold or held right now. */
async function taken(eventId: string): Promise<number> {
  const [tier] = (await getAvailability(db, eventId)).tiers;
  return (tier?.sold ?? 0) + (tier?.held ?? 0);
}

beforeEach(async () => {
  await resetDatabase();
  stubStripeEnv();
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("checkout on the database's clock", () => {
  it("dates the order, its Checkout Session and its holds by the database, whatever the app server's clock", async () => {
    const { event, tier } = await setUpOneTierEvent(10);
    // This app server's clock runs two hours behind: by it, a hold would have lapsed before it was taken.
    const orderId = await withAppClockOff(-2 * HOUR, () => startCheckout(event.id, tier.id, 2));
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { holds: true } });
    const payWithin = (order.expiresAt?.getTime() ?? 0) - (await databaseNow());
    expect(payWithin).toBeGreaterThan(CHECKOUT_SESSION_MS - 60_000);
    expect(payWithin).toBeLessThanOrEqual(CHECKOUT_SESSION_MS);
    expect(order.holds.map((h) => h.expiresAt.getTime() - (order.expiresAt?.getTime() ?? 0))).toEqual([
      HOLD_GRACE_MS,
    ]);
    expect(await taken(event.id)).toBe(2);
  });

  it("keeps the seats of a payment made in the session's last second and delivered after it expired", async () => {
    const { event, tier } = await setUpOneTierEvent(1);
    const orderId = await startCheckout(event.id, tier.id);
    // The session expired a minute ago; its webhook has not arrived yet. The holds outlive it by the grace.
    await ageHolds(db, orderId, CHECKOUT_SESSION_MS + 60_000);
    expect((await caught(startCheckout(event.id, tier.id))).code).toBe("sold_out");
    expect(await fulfillOrder(orderId, await paymentFor(orderId))).toBe("paid");
    expect(await db.ticket.count({ where: { orderId, status: "valid" } })).toBe(1);
  });

  it("gives the seats back at once on checkout.session.expired, grace or not", async () => {
    const { event, tier } = await setUpOneTierEvent(1);
    const orderId = await startCheckout(event.id, tier.id);
    expect(await expireOrder(orderId, "expired")).toBe(true);
    expect(await taken(event.id)).toBe(0);
    await startCheckout(event.id, tier.id);
  });
});

describe("a late payment on the database's clock", () => {
  // Refunds in test mode post their Stripe-format events to the webhook route.
  const bridge = withWebhookBridge();
  beforeEach(() => stubStripeEnv({ APP_URL: bridge.origin }));

  it("is refunded, not given a seat sold meanwhile, even by an app server whose clock runs behind", async () => {
    const { event, tier } = await setUpOneTierEvent(1);
    const late = await startCheckout(event.id, tier.id);
    await lapseHolds(late);
    const rival = await startCheckout(event.id, tier.id);
    // The webhook lands on a server two minutes behind: by its clock the hold has more than a minute left.
    const outcome = await withAppClockOff(-2 * 60_000, async () =>
      fulfillOrder(late, await paymentFor(late)),
    );
    expect(outcome).toBe("late_refund");
    expect(await fulfillOrder(rival, await paymentFor(rival))).toBe("paid");
    expect(await db.ticket.count({ where: { eventId: event.id, status: "valid" } })).toBe(1);
  });

  it("refunded for want of room, is not reinstated by a second delivery after a refund freed a seat", async () => {
    const { event, tier } = await setUpOneTierEvent(1);
    const late = await startCheckout(event.id, tier.id);
    await lapseHolds(late);
    const paid = await createPaidOrder(event.id, [{ tierId: tier.id, quantity: 1 }]);
    const payment = await paymentFor(late);
    expect(await fulfillOrder(late, payment)).toBe("late_refund");
    // Before the late payment's refund has gone out, another order's refund frees the seat...
    await applyRefund({
      orderId: paid.id,
      stripeRefundId: "re_frees_the_seat",
      amountMinor: paid.totalMinor,
      source: "organizer",
    });
    // ...so going by capacity alone, the late order would now fit (the race without the fix):
    expect(await db.$transaction((tx) => canReinstateOrder(tx, late))).toBe(true);
    // A second delivery of its payment (a replay, or async_payment_succeeded) must not reinstate it.
    expect(await fulfillOrder(late, payment)).toBe("late_refund");
    await runDueJobs(jobDefinitions);
    const order = await db.order.findUniqueOrThrow({ where: { id: late }, include: { tickets: true } });
    expect(order.status).toBe("refunded");
    expect(order.tickets).toEqual([]);
    // The freed seat is for sale, not lost to a refunded order.
    expect(await taken(event.id)).toBe(0);
    await startCheckout(event.id, tier.id);
  });
});

describe("capacity changes on the database's clock", () => {
  it("counts live holds when an organizer's app server runs an hour ahead", async () => {
    const { organizer, owner, event, tier } = await setUpOneTierEvent(10);
    await sellTickets(event.id, tier.id, 2);
    await startCheckout(event.id, tier.id, 3);
    await withAppClockOff(HOUR, async () => {
      const tierError = await caught(updateTier(organizer.id, tier.id, { capacity: 4 }));
      expect([tierError.status, fieldsOf(tierError)]).toEqual([422, ["capacity"]]);
      expect(tierError.fields[0]?.message).toContain("3 held in checkout");
      const actor = { organizerId: organizer.id, userId: owner.userId };
      const eventError = await caught(updateEvent(actor, event.id, { capacity: 4 }));
      expect([eventError.status, fieldsOf(eventError)]).toEqual([422, ["capacity"]]);
      expect(await updateTier(organizer.id, tier.id, { capacity: 5 })).toMatchObject({ sold: 2, held: 3 });
    });
  });
});
