// Integration tests of the inventory rules on one connection (they run on PGlite and on a real server). The
// concurrency proofs are in take-holds.concurrency.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { canReinstateOrder } from "@/lib/inventory/can-reinstate-order";
import { convertHolds } from "@/lib/inventory/convert-holds";
import { expireHolds } from "@/lib/inventory/expire-holds";
import { getAvailability } from "@/lib/inventory/get-availability";
import { inventoryLockKey } from "@/lib/inventory/lock-inventory";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { takeHolds, type TakeHoldsInput } from "@/lib/inventory/take-holds";
import {
  createInventoryFixture,
  createTestOrder,
  sellTestTickets,
  type InventoryFixture,
} from "@/lib/inventory/testing/fixtures";
import { resetDatabase } from "@/lib/testing/db";
import { caught } from "@/lib/testing/errors";

const NOW = new Date("2030-05-01T12:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** A buyer's checkout transaction: pending order + takeHolds, at NOW unless told. */
async function checkout(
  fixture: InventoryFixture,
  lines: TakeHoldsInput["lines"],
  options: { now?: Date; expiresAt?: Date; discount?: boolean } = {},
) {
  const now = options.now ?? NOW;
  const discount =
    options.discount && fixture.discountId
      ? await db.discount.findUniqueOrThrow({
          where: { id: fixture.discountId },
          select: { id: true, maxUses: true },
        })
      : null;
  return db.$transaction(async (tx) => {
    const order = await createTestOrder(tx, fixture, { discountId: discount?.id ?? null });
    const holds = await takeHolds(
      tx,
      {
        eventId: fixture.eventId,
        orderId: order.id,
        lines,
        expiresAt: options.expiresAt ?? minutes(30),
        discount,
      },
      { now },
    );
    return { orderId: order.id, holds };
  });
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
    expect(rows.map((h) => [h.tierId, h.quantity, h.expiresAt.toISOString()])).toEqual([
      [ga, 4, minutes(30).toISOString()],
      [vip, 1, minutes(30).toISOString()],
    ]);

    const availability = await getAvailability(db, f.eventId, NOW);
    expect(availability).toEqual({
      event: { capacity: null, taken: 7, remaining: null },
      tiers: [
        { tierId: ga, capacity: 10, sold: 2, held: 4, remaining: 4 },
        { tierId: vip, capacity: 5, sold: 0, held: 1, remaining: 4 },
      ],
    });
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
    await checkout(f, [{ tierId: vip, quantity: 5 }], {
      now: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    });
    const event = await db.event.findUniqueOrThrow({ where: { id: f.eventId }, select: { slug: true } });
    const page = await getPublicEvent(event.slug);
    expect(page?.tiers.map((t) => [t.id, t.remaining, t.state])).toEqual([
      [ga, 3, "few_left"],
      [vip, 0, "sold_out"],
    ]);
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
    const availability = await getAvailability(db, f.eventId, NOW);
    expect(availability.event).toEqual({ capacity: 5, taken: 5, remaining: 0 });
    expect(availability.tiers.map((t) => t.remaining)).toEqual([0, 0]);
  });

  it("lets expired holds free their seats", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 2 }] });
    const [ga] = f.tierIds as [string];
    await checkout(f, [{ tierId: ga, quantity: 2 }], { expiresAt: minutes(10) });
    await caught(checkout(f, [{ tierId: ga, quantity: 1 }], { now: minutes(5) }));
    const later = minutes(10);
    await checkout(f, [{ tierId: ga, quantity: 2 }], { now: later, expiresAt: minutes(40) });
    expect((await getAvailability(db, f.eventId, later)).tiers[0]).toMatchObject({ held: 2, remaining: 0 });
  });

  it("frees released holds and does not count converted ones as held", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const a = await checkout(f, [{ tierId: ga, quantity: 2 }]);
    const b = await checkout(f, [{ tierId: ga, quantity: 1 }]);
    expect(await releaseHolds(db, a.orderId, NOW)).toBe(1);
    expect(await releaseHolds(db, a.orderId, NOW)).toBe(0);
    expect((await getAvailability(db, f.eventId, NOW)).tiers[0]).toMatchObject({ held: 1, remaining: 2 });

    expect(await convertHolds(db, b.orderId, NOW)).toBe(true);
    const hold = await db.hold.findFirstOrThrow({ where: { orderId: b.orderId } });
    expect(hold.convertedAt).toEqual(NOW);
    expect(await releaseHolds(db, b.orderId, NOW)).toBe(0);
    // The converted seat now lives as a ticket (the payment creates it); the hold no longer counts.
    expect((await getAvailability(db, f.eventId, NOW)).tiers[0]).toMatchObject({ held: 0, remaining: 3 });
  });

  it("counts discount uses at reservation and refuses an exhausted code on discountCode", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }], discountMaxUses: 2 });
    const [ga] = f.tierIds as [string];
    const first = await checkout(f, [{ tierId: ga, quantity: 1 }], {
      discount: true,
      expiresAt: minutes(10),
    });
    await createTestOrder(db, f, { status: "paid", discountId: f.discountId });
    const error = await caught(checkout(f, [{ tierId: ga, quantity: 1 }], { discount: true }));
    expect(error.code).toBe("validation");
    expect(error.fields.map((x) => x.field)).toEqual(["discountCode"]);
    expect(await db.hold.count()).toBe(1);

    // The pending order's hold lapses: its use is free again (a cancelled order never counted).
    await createTestOrder(db, f, { status: "cancelled", discountId: f.discountId });
    await checkout(f, [{ tierId: ga, quantity: 1 }], {
      discount: true,
      now: minutes(11),
      expiresAt: minutes(40),
    });
    expect(first.holds).toHaveLength(1);
  });

  it("rejects bad input before touching the database", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    const [ga] = f.tierIds as [string];
    expect((await caught(checkout(f, [{ tierId: ga, quantity: 0 }]))).code).toBe("validation");
    expect((await caught(checkout(f, []))).code).toBe("validation");
    expect((await caught(checkout(f, [{ tierId: ga, quantity: 1 }], { expiresAt: NOW }))).code).toBe(
      "validation",
    );
    expect((await caught(checkout(f, [{ tierId: "nope", quantity: 1 }]))).code).toBe("not_found");
    const noOrder = db.$transaction((tx) =>
      takeHolds(
        tx,
        {
          eventId: f.eventId,
          orderId: "missing",
          lines: [{ tierId: ga, quantity: 1 }],
          expiresAt: minutes(30),
        },
        { now: NOW },
      ),
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
    const lapsed = await checkout(f, [{ tierId: ga, quantity: 2 }], { expiresAt: minutes(10) });
    const live = await checkout(f, [{ tierId: ga, quantity: 1 }], { expiresAt: minutes(60) });
    const paid = await checkout(f, [{ tierId: ga, quantity: 1 }], { expiresAt: minutes(10) });
    await db.order.update({ where: { id: paid.orderId }, data: { status: "paid" } });
    await convertHolds(db, paid.orderId, minutes(1));

    const at = minutes(20);
    expect(await expireHolds({ db, now: at })).toBe(1);
    expect(await expireHolds({ db, now: at })).toBe(0);
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
    expect(released.releasedAt).toEqual(at);
    expect(await db.hold.count({ where: { releasedAt: { not: null } } })).toBe(1);
  });

  it("expires in batches", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 10 }] });
    const [ga] = f.tierIds as [string];
    for (let i = 0; i < 5; i += 1)
      await checkout(f, [{ tierId: ga, quantity: 1 }], { expiresAt: minutes(10) });
    expect(await expireHolds({ db, now: minutes(11), batchSize: 2 })).toBe(5);
    expect(await db.order.count({ where: { status: "expired" } })).toBe(5);
  });
});

describe("canReinstateOrder / late payments", () => {
  async function lapsedOrder(f: InventoryFixture, tierId: string, quantity: number) {
    const { orderId } = await checkout(f, [{ tierId, quantity }], { expiresAt: minutes(10) });
    await db.orderItem.create({
      data: { orderId, tierId, tierName: "GA", quantity, unitPriceMinor: 2500, totalMinor: 2500 * quantity },
    });
    await expireHolds({ db, now: minutes(11) });
    return orderId;
  }

  it("says yes while the seats are still free, counting the order as new", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const orderId = await lapsedOrder(f, ga, 2);
    await checkout(f, [{ tierId: ga, quantity: 1 }], { now: minutes(12), expiresAt: minutes(60) });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId, minutes(13)))).toBe(true);
    expect(await db.$transaction((tx) => convertHolds(tx, orderId, minutes(13)))).toBe(true);
  });

  it("says no once the seats were taken by someone else", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 3 }] });
    const [ga] = f.tierIds as [string];
    const orderId = await lapsedOrder(f, ga, 2);
    await checkout(f, [{ tierId: ga, quantity: 2 }], { now: minutes(12), expiresAt: minutes(60) });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId, minutes(13)))).toBe(false);
    expect(await db.$transaction((tx) => convertHolds(tx, orderId, minutes(13)))).toBe(false);
  });

  it("does not count the order's own live holds against itself, and checks the event cap and the code", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 2,
      tiers: [{ name: "GA", capacity: 5 }],
      discountMaxUses: 1,
    });
    const [ga] = f.tierIds as [string];
    const { orderId } = await checkout(f, [{ tierId: ga, quantity: 2 }], { discount: true });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId, NOW))).toBe(true);
    // Late payment: the hold lapsed and someone else used the code meanwhile.
    await expireHolds({ db, now: minutes(31) });
    await createTestOrder(db, f, { status: "paid", discountId: f.discountId });
    expect(await db.$transaction((tx) => canReinstateOrder(tx, orderId, minutes(32)))).toBe(false);
  });

  it("converts a hold close to its expiry only after the locked check", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 1 }] });
    const [ga] = f.tierIds as [string];
    const { orderId } = await checkout(f, [{ tierId: ga, quantity: 1 }], { expiresAt: minutes(10) });
    // 10 s before expiry: within the safety margin, so the locked path decides (there is room: yes).
    const late = new Date(minutes(10).getTime() - 10_000);
    expect(await db.$transaction((tx) => convertHolds(tx, orderId, late))).toBe(true);
    expect((await db.hold.findFirstOrThrow({ where: { orderId } })).convertedAt).toEqual(late);
  });
});
