// Integration tests of the checkout's group commit (runs on PGlite and on a real server). The races between
// clients and processes are in take-holds.concurrency.test.ts.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { reserveSeats, type SeatReservation } from "@/lib/inventory/reserve-seats";
import {
  createInventoryFixture,
  testOrderData,
  type InventoryFixture,
} from "@/lib/inventory/testing/fixtures";
import { resetDatabase } from "@/lib/testing/db";

beforeEach(async () => {
  await resetDatabase();
});

function reservation(f: InventoryFixture, quantity: number, order: Partial<SeatReservation["order"]> = {}) {
  const tierId = f.tierIds[0] ?? "";
  return {
    order: { ...testOrderData(f), ...order },
    items: [{ tierId, tierName: "GA", quantity, unitPriceMinor: 2500, totalMinor: 2500 * quantity }],
    lines: [{ tierId, quantity }],
    payWithinMs: 30 * 60_000,
    discount: null,
  } satisfies SeatReservation;
}

/** Starts every reservation at once (they queue together) and waits for all of them. */
function all(reservations: SeatReservation[]) {
  return Promise.allSettled(reservations.map((r) => reserveSeats(db, r)));
}

describe("reserveSeats", () => {
  it("decides buyers who arrive together in turn, writing only the granted orders", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 5 }] });
    const asks = [1, 1, 2, 3, 1, 1, 1, 2, 1, 1].map((quantity) => reservation(f, quantity));
    const results = await all(asks);

    const granted = asks.filter((_, i) => results[i]?.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(granted.reduce((sum, r) => sum + (r.lines[0]?.quantity ?? 0), 0)).toBe(5);
    expect(refused.length).toBe(asks.length - granted.length);
    for (const reason of refused) {
      expect(isAppError(reason) && reason.code).toBe("sold_out");
      expect(isAppError(reason) && reason.message).toMatch(/^(GA is sold out|Only \d GA left)$/);
    }

    const grantedIds = granted.map((r) => r.order.id).sort();
    const orders = await db.order.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } });
    expect(orders).toEqual(grantedIds.map((id) => ({ id, status: "pending" })));
    const items = await db.orderItem.findMany({ select: { orderId: true } });
    expect(items.map((i) => i.orderId).sort()).toEqual(grantedIds);
    const holds = await db.hold.findMany({ select: { orderId: true, quantity: true } });
    expect(holds.map((h) => h.orderId).sort()).toEqual(grantedIds);
    expect(holds.reduce((sum, h) => sum + h.quantity, 0)).toBe(5);
  });

  it("gives the resolved holds to their own order", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
    const asks = [1, 2, 3, 4].map((quantity) => reservation(f, quantity));
    const results = await all(asks);
    for (const [i, result] of results.entries()) {
      expect(result.status).toBe("fulfilled");
      if (result.status !== "fulfilled") continue;
      const stored = await db.hold.findMany({
        where: { orderId: asks[i]?.order.id },
        select: { id: true, quantity: true },
      });
      expect(stored).toEqual(result.value.holds.map((h) => ({ id: h.id, quantity: h.quantity })));
      expect(stored[0]?.quantity).toBe(i + 1);
    }
  });

  it("does not let one broken order fail the others served with it", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
    // The first two start their own batches at once; the rest queue behind them and go together.
    const asks = [
      reservation(f, 1),
      reservation(f, 1),
      reservation(f, 1),
      reservation(f, 1, { organizerId: "no-such-organizer" }),
      reservation(f, 1),
    ];
    const results = await all(asks);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(await db.order.count()).toBe(4);
    expect(await db.hold.count()).toBe(4);
  });

  it("refuses a tier of another event without writing the order", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 5 }] });
    const other = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 5 }] });
    const ask = reservation(f, 1);
    const error = await reserveSeats(db, {
      ...ask,
      lines: [{ tierId: other.tierIds[0] ?? "", quantity: 1 }],
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error) && [error.code, error.message]).toEqual(["not_found", "Tier not found."]);
    expect(await db.order.count({ where: { id: ask.order.id } })).toBe(0);
  });
});
