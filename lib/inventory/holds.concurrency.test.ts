// Races around payments that convert holds (issue 10 §6): late conversion vs a new buyer, refund vs
// reinstatement, capacity lowered vs checkout. On a real PostgreSQL server, with transactions on separate
// connections as separate app instances would run them. Each race is made reproducible by pausing one side
// at its critical point: a transaction of the test holds a row lock that the payment's ticket insert needs
// (PAUSE_AT), so the payment has decided and written its conversion but not committed, and the other side
// runs meanwhile. Each has a control: the same steps without the protection, showing the race is real.
// Skipped on the embedded PGlite, which runs one query at a time.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import { db, type Db } from "@/lib/db";
import type { EventActor } from "@/lib/events/event-actor";
import type { PrismaClient } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import { convertHolds } from "@/lib/inventory/convert-holds";
import { getAvailability } from "@/lib/inventory/get-availability";
import { liveHold } from "@/lib/inventory/availability-sql";
import { openCrowd, type Crowd } from "@/lib/inventory/testing/crowd";
import { lapseHolds, paymentFor, setUpOneTierEvent, startCheckout } from "@/lib/inventory/testing/checkout";
import { buy } from "@/lib/inventory/testing/fixtures";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { applyRefund } from "@/lib/refunds/apply-refund";
import { createPaidOrder } from "@/lib/refunds/testing";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import { fieldsOf } from "@/lib/testing/errors";
import { sellTickets } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { updateTier } from "@/lib/tiers/update-tier";
import { updateEvent } from "@/lib/events/update-event";
import { hasPostgresCode, lockInventory } from "@/lib/inventory/lock-inventory";

const EMBEDDED = onEmbeddedDatabase();
const SKIP_REASON = "needs a real PostgreSQL server (set DATABASE_URL): PGlite serializes every query";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether some backend is waiting for a lock `pid` holds or queues for ahead of it. */
async function isBlockedBy(pid: number): Promise<number | null> {
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
  return rows[0]?.pid ?? null;
}

/** Waits until some backend waits on `pid`; resolves with its pid, or null when `settled` settles first. */
async function waiterOn(pid: number, settled: Promise<unknown> = new Promise(() => {})) {
  let done = false;
  settled.then(
    () => (done = true),
    () => (done = true),
  );
  const deadline = Date.now() + 15_000;
  while (!done) {
    const waiter = await isBlockedBy(pid);
    if (waiter !== null) return waiter;
    if (Date.now() > deadline) throw new Error(`nothing came to wait on backend ${pid}`);
    await sleep(20);
  }
  return null;
}

/** A transaction on `client`'s own connection that takes `lock` and keeps it until released. */
async function holding(client: PrismaClient, lock: (tx: Db) => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let ready!: (pid: number) => void;
  const locked = new Promise<number>((resolve) => (ready = resolve));
  const done = client.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await lock(tx);
      ready(row?.pid ?? 0);
      await released;
    },
    { timeout: 60_000 },
  );
  const pid = await Promise.race([locked, done.then(() => 0)]);
  return {
    pid,
    release: async () => {
      release();
      await done;
    },
  };
}

/**
 * Row locks that a payment's ticket insert needs: while a test transaction holds one, the payment waits there,
 * having decided and converted the holds but not committed. Its foreign-key checks take them in this order:
 * the organizer row first (before it touches the event row), its order items last.
 */
const PAUSE_AT = {
  organizer: (orderId: string) => (tx: Db) =>
    tx.$queryRaw`SELECT g.id FROM tickets_organizers g JOIN tickets_orders o ON o.organizer_id = g.id
                 WHERE o.id = ${orderId} FOR UPDATE OF g`,
  orderItems: (orderId: string) => (tx: Db) =>
    tx.$queryRaw`SELECT id FROM tickets_order_items WHERE order_id = ${orderId} FOR UPDATE`,
};

/**
 * Starts `pay` for the order, pauses it at `pauseAt` (by default its order items) from a transaction on
 * `client`, runs `meanwhile` with the paused payment's backend pid, then lets the payment go on (also when something failed) and waits for its
 * outcome.
 */
async function withPaymentPaused<T>(
  client: PrismaClient,
  orderId: string,
  pay: () => Promise<string>,
  meanwhile: (payer: number) => Promise<T>,
  pauseAt: keyof typeof PAUSE_AT = "orderItems",
): Promise<{ payment: string; meanwhile: T }> {
  const pause = await holding(client, PAUSE_AT[pauseAt](orderId));
  const payment = pay();
  let during: T;
  try {
    const payer = await waiterOn(pause.pid, payment);
    if (payer === null) throw new Error("the payment finished without writing tickets");
    during = await meanwhile(payer);
  } finally {
    await pause.release();
  }
  return { payment: await payment, meanwhile: during };
}

/**
 * What a payment does, minus the protection: the order locked, its holds converted after the same capacity
 * check made WITHOUT the inventory locks, the order paid and its tickets issued.
 */
function unsafePayment(client: PrismaClient, orderId: string) {
  return client.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
      if (!(await convertHolds(tx, orderId, { unsafeSkipLocks: true }))) return "late_refund";
      await tx.order.update({ where: { id: orderId }, data: { status: "paid", paidAt: new Date() } });
      await issueTicketsForOrder(tx, orderId);
      return "paid";
    },
    { timeout: 30_000 },
  );
}

/** Seats of the event's tiers sold (valid tickets) or in live holds, and the first tier's capacity. */
async function seats(eventId: string) {
  const [tier] = (await getAvailability(db, eventId)).tiers;
  return { capacity: tier?.capacity, taken: (tier?.sold ?? 0) + (tier?.held ?? 0) };
}

describe.skipIf(EMBEDDED)(`late conversions under concurrency (${SKIP_REASON})`, () => {
  let crowd: Crowd;
  // 0: the test's pauses, 1: the unprotected side of a control, 2: buyers.
  let clients: [PrismaClient, PrismaClient, PrismaClient];
  beforeAll(async () => {
    crowd = await openCrowd(inject("databaseUrl"), 3, 2);
    clients = crowd.clients as typeof clients;
  });
  afterAll(async () => {
    await crowd?.close();
    vi.unstubAllEnvs();
  });
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });

  /**
   * The last seat: a late order whose hold lapsed (by the database's clock) a second ago, and a new buyer who
   * arrives while its payment is between deciding and committing.
   */
  async function lateConversionVsNewBuyer(pay: (orderId: string) => Promise<string>) {
    const { event, tier, organizer } = await setUpOneTierEvent(1);
    const late = await startCheckout(event.id, tier.id);
    await lapseHolds(late);
    let buyer: ReturnType<typeof buy> | undefined;
    const { payment, meanwhile: buyerWaited } = await withPaymentPaused(
      clients[0],
      late,
      () => pay(late),
      async (payer) => {
        buyer = buy(clients[2], {
          fixture: { organizerId: organizer.id, eventId: event.id },
          tierId: tier.id,
          quantity: 1,
        });
        return (await waiterOn(payer, buyer)) !== null;
      },
    );
    if (!buyer) throw new Error("no buyer came");
    return { payment, buyer: (await buyer).outcome, buyerWaited, ...(await seats(event.id)) };
  }

  it("late conversion vs a new buyer: the payment checks under the tier lock, the buyer waits and is refused", async () => {
    // The webhook lands on an app server whose clock runs two minutes behind: by that clock the hold is live.
    const result = await lateConversionVsNewBuyer(async (orderId) =>
      fulfillOrder(orderId, await paymentFor(orderId), new Date(Date.now() - 2 * 60_000)),
    );
    expect(result).toEqual({ payment: "paid", buyer: "sold_out", buyerWaited: true, capacity: 1, taken: 1 });
  });

  it("control: the same payment without the inventory locks sells the last seat twice", async () => {
    const result = await lateConversionVsNewBuyer((orderId) => unsafePayment(clients[1], orderId));
    expect(result).toEqual({ payment: "paid", buyer: "ok", buyerWaited: false, capacity: 1, taken: 2 });
  });

  /**
   * A refund frees the only seat of a sold-out tier; two late payments, whose holds lapsed, then race for it.
   * The first is paused between deciding and committing while the second decides.
   */
  async function twoReinstatementsAfterARefund(first: (orderId: string) => Promise<string>) {
    const { event, tier } = await setUpOneTierEvent(1);
    const lateA = await startCheckout(event.id, tier.id);
    await lapseHolds(lateA);
    const lateB = await startCheckout(event.id, tier.id);
    await lapseHolds(lateB);
    const paid = await createPaidOrder(event.id, [{ tierId: tier.id, quantity: 1 }]);
    await applyRefund({
      orderId: paid.id,
      stripeRefundId: "re_frees_the_seat",
      amountMinor: paid.totalMinor,
      source: "organizer",
    });
    let paymentB: Promise<string> | undefined;
    const { payment, meanwhile: bWaited } = await withPaymentPaused(
      clients[0],
      lateA,
      () => first(lateA),
      async (payerA) => {
        paymentB = fulfillOrder(lateB, await paymentFor(lateB));
        return (await waiterOn(payerA, paymentB)) !== null;
      },
    );
    if (!paymentB) throw new Error("no second payment");
    return { a: payment, b: await paymentB, bWaited, ...(await seats(event.id)) };
  }

  it("refund vs reinstatement: two late payments for the seat a refund freed, exactly one gets it", async () => {
    const result = await twoReinstatementsAfterARefund(async (orderId) =>
      fulfillOrder(orderId, await paymentFor(orderId)),
    );
    expect(result).toEqual({ a: "paid", b: "late_refund", bWaited: true, capacity: 1, taken: 1 });
  });

  it("control: without the inventory locks both late payments get the freed seat", async () => {
    const result = await twoReinstatementsAfterARefund((orderId) => unsafePayment(clients[1], orderId));
    expect(result).toEqual({ a: "paid", b: "paid", bWaited: false, capacity: 1, taken: 2 });
  });

  /**
   * A tier of 2 with one ticket sold and one seat held; the organizer lowers the capacity to 1 while the
   * holder's payment converts the hold into a ticket. The count is paused where a count made of two
   * statements (sold, then held) would read sold before the payment commits and held after it: a test
   * session queues for an exclusive lock on the holds table behind the paused payment, so the next read of
   * holds waits until the payment has committed.
   */
  async function capacityLoweredWhilePaying(count: () => Promise<number>) {
    const { event, tier } = await setUpOneTierEvent(2);
    await sellTickets(event.id, tier.id, 1);
    const holder = await startCheckout(event.id, tier.id);
    let gate: Promise<unknown> | undefined;
    let counted: Promise<unknown> | undefined;
    const { payment, meanwhile: counterWaited } = await withPaymentPaused(
      clients[0],
      holder,
      async () => fulfillOrder(holder, await paymentFor(holder)),
      async (payer) => {
        gate = clients[1].$transaction(
          (tx) => tx.$executeRaw`LOCK TABLE tickets_holds IN ACCESS EXCLUSIVE MODE`,
          { timeout: 30_000 },
        );
        const gatePid = await waiterOn(payer, gate);
        counted = count();
        return gatePid !== null && (await waiterOn(gatePid, counted)) !== null;
      },
    );
    await gate;
    expect(payment).toBe("paid");
    if (!counted) throw new Error("nothing counted");
    return { counted: await counted.catch((e: unknown) => e), counterWaited, ...(await seats(event.id)) };
  }

  it("capacity lowered vs checkout: a payment converting a hold meanwhile is counted, and 1 is refused", async () => {
    let tierId = "";
    const result = await capacityLoweredWhilePaying(async () => {
      const tier = await db.tier.findFirstOrThrow({ include: { event: true } });
      tierId = tier.id;
      return (await updateTier(tier.event.organizerId, tier.id, { capacity: 1 })).capacity;
    });
    expect(isAppError(result.counted) && [result.counted.status, result.counted.fields[0]?.message]).toEqual([
      422,
      "must be at least 2: 2 tickets are already sold",
    ]);
    expect(result).toMatchObject({ counterWaited: true, capacity: 2, taken: 2 });
    expect((await db.tier.findUniqueOrThrow({ where: { id: tierId } })).capacity).toBe(2);
  });

  it("control: counting sold and held in two statements misses the seat being converted", async () => {
    const result = await capacityLoweredWhilePaying(() =>
      clients[2].$transaction(async (tx) => {
        const [tier] = await tx.tier.findMany({ select: { id: true } });
        const sold = await tx.ticket.count({ where: { tierId: tier?.id, status: "valid" } });
        const [held] = await tx.$queryRaw<{ seats: number }[]>`
          SELECT coalesce(sum(h.quantity), 0)::int AS seats FROM tickets_holds h
          WHERE h.tier_id = ${tier?.id} AND ${liveHold("h")}`;
        return sold + (held?.seats ?? 0);
      }),
    );
    expect(result).toEqual({ counted: 1, counterWaited: true, capacity: 2, taken: 2 });
  });

  /**
   * An event capped at 2 with one ticket sold; the organizer lowers the cap to 1 while a late payment for the
   * other seat, deciding under the inventory locks, is paused before its tickets touch the event row. The cap
   * change waits for the event's inventory lock; the payment's tickets then need the event row (a foreign
   * key). A payment that loses a deadlock answers "deadlock", a cap change "busy".
   */
  async function eventCapLoweredWhileReinstating(
    lower: (actor: EventActor, eventId: string) => Promise<unknown>,
  ) {
    const { event, tier, organizer, owner } = await setUpOneTierEvent(5, 2);
    await createPaidOrder(event.id, [{ tierId: tier.id, quantity: 1 }]);
    const late = await startCheckout(event.id, tier.id);
    await lapseHolds(late);
    let lowered: Promise<unknown> | undefined;
    const { payment, meanwhile: lowerWaited } = await withPaymentPaused(
      clients[0],
      late,
      async () =>
        fulfillOrder(late, await paymentFor(late)).catch((e: unknown) =>
          hasPostgresCode(e, ["40P01"]) ? "deadlock" : Promise.reject(e),
        ),
      async (payer) => {
        lowered = lower({ organizerId: organizer.id, userId: owner.userId }, event.id);
        return (await waiterOn(payer, lowered)) !== null;
      },
      "organizer",
    );
    if (!lowered) throw new Error("the cap was not changed");
    const capChange = await lowered.then(
      () => "lowered",
      (e: unknown) => (isAppError(e) ? [e.code, ...fieldsOf(e)].join(" ") : String(e)),
    );
    const { capacity } = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    return { payment, lowerWaited, capChange, capacity, taken: (await seats(event.id)).taken };
  }

  it("capacity lowered vs checkout (event cap): the change waits for a late payment, then refuses by the count", async () => {
    const result = await eventCapLoweredWhileReinstating((actor, eventId) =>
      updateEvent(actor, eventId, { capacity: 1 }),
    );
    expect(result).toEqual({
      payment: "paid",
      lowerWaited: true,
      capChange: "validation capacity",
      capacity: 2,
      taken: 2,
    });
  });

  it("control: an event row lock that blocks foreign keys (FOR UPDATE) deadlocks with the payment", async () => {
    const result = await eventCapLoweredWhileReinstating((actor, eventId) =>
      clients[1].$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM tickets_events WHERE id = ${eventId} FOR UPDATE`;
        await lockInventory(tx, { eventId, tierIds: [], eventExclusive: true });
      }),
    );
    // PostgreSQL breaks the deadlock by failing one of the two.
    const lost = [result.payment === "deadlock", result.capChange === "busy"];
    expect(lost.filter(Boolean)).toHaveLength(1);
  });
});
