// Integration tests of the inventory rules on one connection (they run on PGlite and on a real server). The
// concurrency proofs are in take-holds.concurrency.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { canReinstateOrder } from "@/lib/inventory/can-reinstate-order";
import {
  CONVERSION_TRANSACTION_TIMEOUT_MS,
  CONVERT_SAFETY_MARGIN_MS,
  convertHolds,
} from "@/lib/inventory/convert-holds";
import { expireHolds } from "@/lib/inventory/expire-holds";
import { getAvailability } from "@/lib/inventory/get-availability";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
import { inventoryLockKey } from "@/lib/inventory/lock-inventory";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { takeHolds, type TakeHoldsInput } from "@/lib/inventory/take-holds";
import { withAppClockOff } from "@/lib/inventory/testing/app-clock";
import {
  ageHolds,
  createInventoryFixture,
  createTestOrder,
  sellTestTickets,
  type InventoryFixture,
} from "@/lib/inventory/testing/fixtures";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";

const HOUR = 60 * 60_000;
const PAY_WITHIN_MS = 30 * 60_000;
/** A hold taken now lapses after this much time has passed. */
const HOLD_LIFETIME_MS = PAY_WITHIN_MS + HOLD_GRACE_MS;

/** A buyer's checkout transaction: pending order + takeHolds. */
async function checkout(
  fixture: InventoryFixture,
  lines: TakeHoldsInput["lines"],
  options: { payWithinMs?: number; discount?: boolean } = {},
) {
  const discount =
    options.discount && fixture.discountId
      ? await db.discount.findUniqueOrThrow({
          where: { id: fixture.discountId },
          select: { id: true, maxUses: true },
        })
      : null;
  return db.$transaction(async (tx) => {
    const order = await createTestOrder(tx, fixture, { discountId: discount?.id ?? null });
    const holds = await takeHolds(tx, {
      eventId: fixture.eventId,
      orderId: order.id,
      lines,
      payWithinMs: options.payWithinMs ?? PAY_WITHIN_MS,
      discount,
    });
    return { orderId: order.id, holds };
  });
}

/** The database's time now. */
async function databaseNow(): Promise<number> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT statement_timestamp() AS now`;
  return row?.now.getTime() ?? Number.NaN;
}

beforeEach(async () => {
  await resetDatabase();
});

describe("takeHolds", () => {
  it("holds seats and reports them in getAvailability", async () => {
    const f = await createInventoryFixture(db, {
      tiers: [
        { name: "GA", capacity: 10 },
        { name: "VIP", capacity: 5 },
      ],
    });
    const [ga, vip] = f.tierIds as [string, string];
    await sellTestTickets(db, f, ga, 2);
    await sellTestTickets(db, f, ga, 1, "refunded");
    const { orderId, holds } = await checkout(f, [
      { tierId: ga, quantity: 3 },
      { tierId: vip, quantity: 1 },
      { tierId: ga, quantity: 1 },
    ]);
    expect(holds.map((h) => [h.tierId, h.quantity])).toEqual([
      [ga, 4],
      [vip, 1],
    ]);
    const rows = await db.hold.findMany({ where: { orderId }, orderBy: { quantity: "desc" } });
    expect(rows.map((h) => [h.tierId, h.quantity])).toEqual([
      [ga, 4],
      [vip, 1],
    ]);
    // Written by the database from its own time: the time to pay plus the grace, from the reservation.
    for (const h of rows) {
      expect(Math.abs(h.expiresAt.getTime() - h.createdAt.getTime() - HOLD_LIFETIME_MS)).toBeLessThanOrEqual(
        1,
      );
    }

    const availability = await getAvailability(db, f.eventId);
    expect(availability).toEqual({
      event: { capacity: null, taken: 7, held: 5, remaining: null },
      tiers: [
        { tierId: ga, capacity: 10, sold: 2, held: 4, remaining: 4, nextHoldLapseMs: expect.any(Number) },
        { tierId: vip, capacity: 5, sold: 0, held: 1, remaining: 4, nextHoldLapseMs: expect.any(Number) },
      ],
    });
    // Measured on the database's clock: the holds were written just now with the full lifetime.
    for (const tier of availability.tiers) {
      expect(tier.nextHoldLapseMs).toBeGreaterThan(HOLD_LIFETIME_MS - 60_000);
      expect(tier.nextHoldLapseMs).toBeLessThanOrEqual(HOLD_LIFETIME_MS);
    }
  });

  it("is what the public event page shows (one definition of availability)", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 12,
      tiers: [
        { name: "GA", capacity: 10 },
        { name: "VIP", capacity: 5 },
      ],
    });
    const [ga, vip] = f.tierIds as [string, string];
    await sellTestTickets(db, f, ga, 4);
    await checkout(f, [{ tierId: vip, quantity: 5 }]);
    const event = await db.event.findUniqueOrThrow({ where: { id: f.eventId }, select: { slug: true } });
    const page = await getPublicEvent(event.slug);
    expect(page?.tiers.map((t) => [t.id, t.remaining, t.state])).toEqual([
      [ga, 3, "few_left"],
      [vip, 0, "in_carts"],
    ]);
    // The VIP seats come back when that buyer's hold runs out, on the database's clock.
    expect(page?.tiers[1]?.seatsBackInMinutes).toBe(Math.ceil(HOLD_LIFETIME_MS / 60_000));
    expect(page?.tiers[0]?.seatsBackInMinutes).toBeNull();

    await sellTestTickets(db, f, ga, 3);
    const soldOut = await getPublicEvent(event.slug);
    // The event cap (12) is now reached by tickets and the VIP holds: GA is only out while those lapse.
    expect(soldOut?.tiers.map((t) => t.state)).toEqual(["in_carts", "in_carts"]);
  });

  it("refuses a line that does not fit with sold_out naming the tier, writing nothing", async () => {
    const f = await createInventoryFixture(db, {
      tiers: [
        { name: "GA", capacity: 10 },
        { name: "VIP", capacity: 5 },
      ],
    });
    const [ga, vip] = f.tierIds as [string, string];
    await sellTestTickets(db, f, vip, 2);
    const error = await caught(
      checkout(f, [
        { tierId: ga, quantity: 1 },
        { tierId: vip, quantity: 4 },
      ]),
    );
    expect(error.code).toBe("sold_out");
    expect(error.status).toBe(409);
    expect(error.message).toBe("Only 3 VIP left");
    expect(await db.hold.count()).toBe(0);
    expect(await db.order.count({ where: { status: "pending" } })).toBe(0);

    await checkout(f, [{ tierId: vip, quantity: 3 }]);
    expect((await caught(checkout(f, [{ tierId: vip, quantity: 1 }]))).message).toBe("VIP is sold out");
  });

  it("enforces the event-wide cap across tiers", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 5,
      tiers: [
        { name: "GA", capacity: 4 },
        { name: "VIP", capacity: 4 },
      ],
    });
    const [ga, vip] = f.tierIds as [string, string];
    await checkout(f, [{ tierId: ga, quantity: 3 }]);
    const error = await caught(checkout(f, [{ tierId: vip, quantity: 3 }]));
    expect(error.code).toBe("sold_out");
    expect(error.message).toBe("Only 2 VIP left");
    const both = await caught(
      checkout(f, [
        { tierId: ga, quantity: 1 },
        { tierId: vip, quantity: 2 },
      ]),
    );
    expect(both.message).toBe("Only 2 tickets left for this event");
    await checkout(f, [{ tierId: vip, quantity: 2 }]);
    const availability = await getAvailability(db, f.eventId);
    expect(availability.event).toEqual({ capacity: 5, taken: 5, held: 5, remaining: 0 });
    expect(availability.tiers.map((t) => t.remaining)).toEqual([0, 0]);
  });

  it("lets expired holds free their seats, by the database's clock", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 2 }] });
    const [ga] = f.tierIds as [string];
    const first = await checkout(f, [{ tierId: ga, quantity: 2 }]);
    await ageHolds(db, first.orderId, HOLD_LIFETIME_MS - 1_000);
    expect((await caught(checkout(f, [{ tierId: ga, quantity: 1 }]))).code).toBe("sold_out");
    await ageHolds(db, first.orderId, 1_000);
    await checkout(f, [{ tierId: ga, quantity: 2 }]);
    expect((await getAvailability(db, f.eventId)).tiers[0]).toMatchObject({ held: 2, remaining: 0 });
  });

  it("decides by the database's clock whatever the app server's clock says", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 2 }] });
    const [ga] = f.tierIds as [string];
    // Taken on an app server whose clock runs an hour behind: the hold still lasts its full time.
    const { orderId } = await withAppClockOff(-HOUR, () => checkout(f, [{ tierId: ga, quantity: 2 }]));
    const hold = await db.hold.findFirstOrThrow({ where: { orderId } });
    const left = hold.expiresAt.getTime() - (await databaseNow());
    expect(left).toBeGreaterThan(HOLD_LIFETIME_MS - 60_000);
    expect(left).toBeLessThanOrEqual(HOLD_LIFETIME_MS);
    // Another server, an hour ahead, still sees the seats held: no sale, and nothing for the sweep.
    await withAppClockOff(HOUR, async () => {
      expect((await getAvailability(db, f.eventId)).tiers[0]).toMatchObject({ held: 2, remaining: 0 });
      expect((await caught(checkout(f, [{ tierId: ga, quantity: 1 }]))).code).toBe("sold_out");
      expect(await expireHolds({ db })).toBe(0);
    });
    // Once it lapses by the database's clock, a server an hour behind sees the seats free.
    await ageHolds(db, orderId, HOLD_LIFETIME_MS);
    await withAppClockOff(-HOUR, async () => {
      expect((await getAvailability(db, f.eventId)).tiers[0]).toMatchObject({ held: 0, remaining: 2 });
      expect(await expireHolds({ db })).toBe(1);
    });
  });

  it("frees released holds and does not count converted ones as held", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const a = await checkout(f, [{ tierId: ga, quantity: 2 }]);
    const b = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    expect(await releaseHolds(db, a.orderId)).toBe(1);
    expect(await releaseHolds(db, a.orderId)).toBe(0);
    expect((await getAvailability(db, f.eventId)).tiers[0]).toMatchObject({ held: 1, remaining: 2 });
    const released = await db.hold.findFirstOrThrow({ where: { orderId: a.orderId } });
    expect(Math.abs((released.releasedAt?.getTime() ?? 0) - (await databaseNow()))).toBeLessThan(60_000);

    expect(await convertHolds(db, b.orderId)).toBe(true);
    const hold = await db.hold.findFirstOrThrow({ where: { orderId: b.orderId } });
    expect(Math.abs((hold.convertedAt?.getTime() ?? 0) - (await databaseNow()))).toBeLessThan(60_000);
    expect(await releaseHolds(db, b.orderId)).toBe(0);
    // The converted seat now lives as a ticket (the payment creates it); the hold no longer counts.
    expect((await getAvailability(db, f.eventId)).tiers[0]).toMatchObject({ held: 0, remaining: 3 });
  });

  it("counts discount uses at reservation and refuses an exhausted code on discountCode", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }], discountMaxUses: 2 });
    const [ga] = f.tierIds as [string];
    const first = await checkout(f, [{ tierId: ga, quantity: 1 }], { discount: true });
    await createTestOrder(db, f, { status: "paid", discountId: f.discountId });
    const error = await caught(checkout(f, [{ tierId: ga, quantity: 1 }], { discount: true }));
    expect(error.code).toBe("validation");
    expect(error.fields.map((x) => x.field)).toEqual(["discountCode"]);
    expect(await db.hold.count()).toBe(1);

    // The pending order's hold lapses: its use is free again (a cancelled order never counted).
    await createTestOrder(db, f, { status: "cancelled", discountId: f.discountId });
    await ageHolds(db, first.orderId, HOLD_LIFETIME_MS);
    await checkout(f, [{ tierId: ga, quantity: 1 }], { discount: true });
    expect(first.holds).toHaveLength(1);
  });

  it("rejects bad input before touching the database", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    const [ga] = f.tierIds as [string];
    expect((await caught(checkout(f, [{ tierId: ga, quantity: 0 }]))).code).toBe("validation");
    expect((await caught(checkout(f, []))).code).toBe("validation");
    for (const payWithinMs of [0, 1.5, 25 * HOUR]) {
      const error = await caught(checkout(f, [{ tierId: ga, quantity: 1 }], { payWithinMs }));
      expect([error.code, fieldsOf(error)]).toEqual(["validation", ["payWithinMs"]]);
    }
    expect((await caught(checkout(f, [{ tierId: "nope", quantity: 1 }]))).code).toBe("not_found");
    const noOrder = db.$transaction((tx) =>
      takeHolds(tx, {
        eventId: f.eventId,
        orderId: "missing",
        lines: [{ tierId: ga, quantity: 1 }],
        payWithinMs: PAY_WITHIN_MS,
      }),
    );
    expect((await caught(noOrder)).code).toBe("not_found");
    const other = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    expect((await caught(checkout(f, [{ tierId: other.tierIds[0] ?? "", quantity: 1 }]))).code).toBe(
      "not_found",
    );
  });
});

describe("inventoryLockKey", () => {
  it("is stable and keeps tier, event and discount keys apart", () => {
    expect(inventoryLockKey("tier", "abc")).toBe(inventoryLockKey("tier", "abc"));
    const keys = (["event", "tier", "discount"] as const).map((space) => inventoryLockKey(space, "same-id"));
    expect(new Set(keys).size).toBe(3);
    expect(keys.map((k) => Number(BigInt.asUintN(3, k)))).toEqual([1, 2, 3]);
    for (const k of keys) expect(k >= -(2n ** 63n) && k < 2n ** 63n).toBe(true);
  });
});

describe("expireHolds sweep", () => {
  it("marks pending orders with lapsed holds expired, releases their holds, and is idempotent", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    const [ga] = f.tierIds as [string];
    const lapsed = await checkout(f, [{ tierId: ga, quantity: 2 }]);
    const live = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    const paid = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    expect(await convertHolds(db, paid.orderId)).toBe(true);
    await db.order.update({ where: { id: paid.orderId }, data: { status: "paid" } });
    await ageHolds(db, lapsed.orderId, HOLD_LIFETIME_MS);
    await ageHolds(db, paid.orderId, HOLD_LIFETIME_MS);

    expect(await expireHolds({ db })).toBe(1);
    expect(await expireHolds({ db })).toBe(0);
    const statuses = await db.order.findMany({
      where: { id: { in: [lapsed.orderId, live.orderId, paid.orderId] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({
      [lapsed.orderId]: "expired",
      [live.orderId]: "pending",
      [paid.orderId]: "paid",
    });
    const released = await db.hold.findFirstOrThrow({ where: { orderId: lapsed.orderId } });
    expect(released.releasedAt).not.toBeNull();
    expect(await db.hold.count({ where: { releasedAt: { not: null } } })).toBe(1);
  });

  it("expires in batches", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    const [ga] = f.tierIds as [string];
    for (let i = 0; i < 5; i += 1) {
      const { orderId } = await checkout(f, [{ tierId: ga, quantity: 1 }]);
      await ageHolds(db, orderId, HOLD_LIFETIME_MS);
    }
    expect(await expireHolds({ db, batchSize: 2 })).toBe(5);
    expect(await db.order.count({ where: { status: "expired" } })).toBe(5);
  });
});

describe("canReinstateOrder / late payments", () => {
  async function lapsedOrder(f: InventoryFixture, tierId: string, quantity: number) {
    const { orderId } = await checkout(f, [{ tierId, quantity }]);
    await db.orderItem.create({
      data: { orderId, tierId, tierName: "GA", quantity, unitPriceMinor: 2500, totalMinor: 2500 * quantity },
    });
    await ageHolds(db, orderId, HOLD_LIFETIME_MS);
    await expireHolds({ db });
    return orderId;
  }

  it("says yes while the seats are still free, counting the order as new", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const orderId = await lapsedOrder(f, ga, 2);
    await checkout(f, [{ tierId: ga, quantity: 1 }]);
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId))).toBe(true);
    expect(await db.$transaction((tx) => convertHolds(tx, orderId))).toBe(true);
  });

  it("says no once the seats were taken by someone else", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const orderId = await lapsedOrder(f, ga, 2);
    await checkout(f, [{ tierId: ga, quantity: 2 }]);
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId))).toBe(false);
    expect(await db.$transaction((tx) => convertHolds(tx, orderId))).toBe(false);
  });

  it("does not count the order's own live holds against itself, and checks the event cap and the code", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 2,
      tiers: [{ name: "GA", capacity: 5 }],
      discountMaxUses: 1,
    });
    const [ga] = f.tierIds as [string];
    const { orderId } = await checkout(f, [{ tierId: ga, quantity: 2 }], { discount: true });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId))).toBe(true);
    // Late payment: the hold lapsed and someone else used the code meanwhile.
    await ageHolds(db, orderId, HOLD_LIFETIME_MS);
    await expireHolds({ db });
    await createTestOrder(db, f, { status: "paid", discountId: f.discountId });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId))).toBe(false);
  });

  it("trusts a hold without the locks only while it outlives the converting transaction", async () => {
    // The locked check tells the paths apart here: a ticket sold outright, bypassing the checks, leaves the
    // two held seats no room, so the locked check says no where a trusted hold converts anyway.
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 2 }] });
    const [ga] = f.tierIds as [string];
    const safe = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    const near = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    await sellTestTickets(db, f, ga, 1);
    // A few seconds less than the margin left: more than the transaction's timeout, yet not trusted.
    const left = CONVERT_SAFETY_MARGIN_MS - 2_000;
    expect(left).toBeGreaterThan(CONVERSION_TRANSACTION_TIMEOUT_MS);
    await ageHolds(db, near.orderId, HOLD_LIFETIME_MS - left);
    expect(await db.$transaction((tx) => convertHolds(tx, near.orderId))).toBe(false);
    expect(await db.$transaction((tx) => convertHolds(tx, safe.orderId))).toBe(true);
  });

  it("never converts a cancelled order's holds", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 5 }] });
    const [ga] = f.tierIds as [string];
    const { orderId } = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    await db.order.update({ where: { id: orderId }, data: { status: "cancelled" } });
    expect(await db.$transaction((tx) => convertHolds(tx, orderId))).toBe(false);
    expect((await db.hold.findFirstOrThrow({ where: { orderId } })).convertedAt).toBeNull();
  });
});
