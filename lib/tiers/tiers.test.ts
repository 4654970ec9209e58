import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";
import { createTier } from "@/lib/tiers/create-tier";
import { deleteTier } from "@/lib/tiers/delete-tier";
import { listEventTiers } from "@/lib/tiers/list-event-tiers";
import { reorderTiers } from "@/lib/tiers/reorder-tiers";
import {
  createEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier as createTestTier,
} from "@/lib/testing/factories";
import { updateTier } from "@/lib/tiers/update-tier";

async function setup() {
  const { organizer, owner } = await createOrganizerWithOwner("the-loft");
  const event = await createEvent(organizer.id);
  return { organizer, owner, event };
}

describe("createTier", () => {
  beforeEach(resetDatabase);

  it("creates a tier in the event's currency with defaults, last in order, audited", async () => {
    const { organizer, owner, event } = await setup();
    const first = await createTier(organizer.id, event.id, { name: " GA ", priceMinor: 2500, capacity: 200 });
    expect(first).toMatchObject({
      name: "GA",
      currency: "cad",
      maxPerOrder: 10,
      visibility: "public",
      sortOrder: 0,
      sold: 0,
      held: 0,
      remaining: 200,
    });
    const second = await createTier(
      organizer.id,
      event.id,
      { name: "VIP", priceMinor: 9000, currency: "CAD", capacity: 4, description: "" },
      { actorUserId: owner.userId },
    );
    expect(second).toMatchObject({ sortOrder: 1, maxPerOrder: 4, description: null });
    const audit = await db.auditLog.findMany({ where: { entityId: second.id } });
    expect(audit.map((a) => [a.action, a.actorUserId, a.organizerId])).toEqual([
      ["tickets.tier.created", owner.userId, organizer.id],
    ]);
  });

  it("refuses bad input with 422 naming each field, and writes nothing", async () => {
    const { organizer, event } = await setup();
    const valid = { name: "GA", priceMinor: 2500, capacity: 100 };
    const cases: [Record<string, unknown>, string][] = [
      [{ priceMinor: -1 }, "priceMinor"],
      [{ priceMinor: 25.5 }, "priceMinor"],
      [{ priceMinor: "2500" }, "priceMinor"],
      [{ currency: "usd" }, "currency"],
      [{ currency: "btc" }, "currency"],
      [{ capacity: 0 }, "capacity"],
      [{ capacity: 1.5 }, "capacity"],
      [{ maxPerOrder: 0 }, "maxPerOrder"],
      [{ maxPerOrder: 51 }, "maxPerOrder"],
      [{ capacity: 5, maxPerOrder: 6 }, "maxPerOrder"],
      [{ name: "" }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ visibility: "secret" }, "visibility"],
      [{ salesStartAt: "tomorrow" }, "salesStartAt"],
      [{ salesStartAt: "2030-05-01T10:00:00Z", salesEndAt: "2030-05-01T10:00:00Z" }, "salesEndAt"],
      [{ salesStartAt: "2030-05-02T10:00:00Z", salesEndAt: "2030-05-01T10:00:00Z" }, "salesEndAt"],
    ];
    for (const [override, field] of cases) {
      const error = await caught(createTier(organizer.id, event.id, { ...valid, ...override }));
      expect(error.status, JSON.stringify(override)).toBe(422);
      expect(fieldsOf(error), JSON.stringify(override)).toEqual([field]);
    }
    const mismatch = await caught(createTier(organizer.id, event.id, { ...valid, currency: "usd" }));
    expect(mismatch.fields[0]?.message).toBe("must be the event's currency (CAD)");
    expect(await db.tier.count()).toBe(0);
  });

  it("accepts a sales window whose end is after its start", async () => {
    const { organizer, event } = await setup();
    const tier = await createTier(organizer.id, event.id, {
      name: "Early bird",
      priceMinor: 1500,
      capacity: 50,
      salesStartAt: "2030-05-01T10:00:00-07:00",
      salesEndAt: "2030-05-10T10:00:00Z",
    });
    expect(tier.salesStartAt?.toISOString()).toBe("2030-05-01T17:00:00.000Z");
  });

  it("404s for another organizer's event; 409 for a cancelled or archived event", async () => {
    const { organizer, event } = await setup();
    const other = await createOrganizerWithOwner("other-venue");
    const input = { name: "GA", priceMinor: 0, capacity: 10 };
    expect((await caught(createTier(other.organizer.id, event.id, input))).status).toBe(404);
    expect((await caught(createTier(organizer.id, "missing", input))).status).toBe(404);
    for (const status of ["cancelled", "archived"] as const) {
      const frozen = await createEvent(organizer.id, { status });
      const error = await caught(createTier(organizer.id, frozen.id, input));
      expect(error.status).toBe(409);
      expect(error.message).toContain(status);
    }
    expect(await db.tier.count()).toBe(0);
  });
});

describe("updateTier", () => {
  beforeEach(resetDatabase);

  it("refuses capacity below sold + held with a message saying how many are sold", async () => {
    const { organizer, event } = await setup();
    const tier = await createTestTier(event.id, { capacity: 100 });
    await createOrder(event.id, { tierId: tier.id, quantity: 10 });
    await createOrder(event.id, { tierId: tier.id, quantity: 2, status: "pending" });
    // Neither refunded tickets nor expired holds take a seat.
    await createOrder(event.id, { tierId: tier.id, quantity: 5, status: "refunded" });
    await createOrder(event.id, {
      tierId: tier.id,
      quantity: 7,
      status: "pending",
      expiresAt: new Date(Date.now() - 1000),
    });

    const error = await caught(updateTier(organizer.id, tier.id, { capacity: 11 }));
    expect(error.status).toBe(422);
    expect(fieldsOf(error)).toEqual(["capacity"]);
    expect(error.fields[0]?.message).toContain("10 tickets are already sold");
    expect(error.fields[0]?.message).toContain("2 held");
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).capacity).toBe(100);

    const updated = await updateTier(organizer.id, tier.id, { capacity: 12 });
    expect(updated).toMatchObject({ capacity: 12, sold: 10, held: 2, remaining: 0 });
  });

  it("hides (and shows) a tier with sales, audited", async () => {
    const { organizer, owner, event } = await setup();
    const tier = await createTestTier(event.id);
    await createOrder(event.id, { tierId: tier.id, quantity: 3 });
    const hidden = await updateTier(
      organizer.id,
      tier.id,
      { visibility: "hidden" },
      { actorUserId: owner.userId },
    );
    expect(hidden.visibility).toBe("hidden");
    await updateTier(organizer.id, tier.id, { visibility: "public" }, { actorUserId: owner.userId });
    const actions = await db.auditLog.findMany({
      where: { entityId: tier.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["tickets.tier.hidden", "tickets.tier.shown"]);
  });

  it("checks rules on the values after the change", async () => {
    const { organizer, event } = await setup();
    const tier = await createTier(organizer.id, event.id, {
      name: "GA",
      priceMinor: 2500,
      capacity: 20,
      maxPerOrder: 10,
      salesStartAt: "2030-05-01T00:00:00Z",
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: 5, maxPerOrder: 6 }, "maxPerOrder"],
      [{ salesEndAt: "2030-04-30T00:00:00Z" }, "salesEndAt"],
      [{ priceMinor: -100 }, "priceMinor"],
      [{ priceMinor: 10.5 }, "priceMinor"],
      [{ currency: "eur" }, "currency"],
      [{ name: " " }, "name"],
    ];
    for (const [patch, field] of cases) {
      const error = await caught(updateTier(organizer.id, tier.id, patch));
      expect(error.status, JSON.stringify(patch)).toBe(422);
      expect(fieldsOf(error), JSON.stringify(patch)).toEqual([field]);
    }
    const changed = await updateTier(organizer.id, tier.id, { priceMinor: 3000, salesStartAt: null });
    expect(changed).toMatchObject({ priceMinor: 3000, salesStartAt: null, name: "GA", capacity: 20 });
    // A smaller capacity pulls the per-order limit down with it.
    expect(await updateTier(organizer.id, tier.id, { capacity: 6 })).toMatchObject({
      capacity: 6,
      maxPerOrder: 6,
    });
  });

  it("404s for another organizer's tier and leaves it alone", async () => {
    const { event } = await setup();
    const tier = await createTestTier(event.id);
    const other = await createOrganizerWithOwner("other-venue");
    expect((await caught(updateTier(other.organizer.id, tier.id, { visibility: "hidden" }))).status).toBe(
      404,
    );
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).visibility).toBe("public");
  });

  it("409s on any change when the event is cancelled or archived", async () => {
    const { organizer, event } = await setup();
    const tier = await createTestTier(event.id);
    await db.event.update({ where: { id: event.id }, data: { status: "archived" } });
    expect((await caught(updateTier(organizer.id, tier.id, { visibility: "hidden" }))).status).toBe(409);
    expect((await caught(deleteTier(organizer.id, tier.id))).status).toBe(409);
  });
});

describe("deleteTier", () => {
  beforeEach(resetDatabase);

  it("refuses a tier with sales (409 saying how many, hide instead) and deletes one without", async () => {
    const { organizer, owner, event } = await setup();
    const sold = await createTestTier(event.id, { name: "GA" });
    const unsold = await createTestTier(event.id, { name: "VIP" });
    await createOrder(event.id, { tierId: sold.id, quantity: 2 });
    await createOrder(event.id, { tierId: sold.id, quantity: 1, status: "expired", hold: false });

    const error = await caught(deleteTier(organizer.id, sold.id));
    expect(error.status).toBe(409);
    expect(error.message).toBe("This tier has sales (3 tickets); hide it instead.");
    expect(await db.tier.count({ where: { id: sold.id } })).toBe(1);

    await deleteTier(organizer.id, unsold.id, { actorUserId: owner.userId });
    expect(await db.tier.count({ where: { id: unsold.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "tickets.tier.deleted", entityId: unsold.id } })).toBe(
      1,
    );
  });

  it("keeps discount scopes from widening to every tier", async () => {
    const { organizer, event } = await setup();
    const ga = await createTestTier(event.id, { name: "GA" });
    const vip = await createTestTier(event.id, { name: "VIP" });
    const both = await db.discount.create({
      data: { eventId: event.id, code: "BOTH", kind: "percent", percentBps: 1000, tierIds: [ga.id, vip.id] },
    });
    const only = await db.discount.create({
      data: { eventId: event.id, code: "VIPONLY", kind: "percent", percentBps: 1000, tierIds: [vip.id] },
    });
    const error = await caught(deleteTier(organizer.id, vip.id));
    expect(error.status).toBe(409);
    expect(error.message).toContain("VIPONLY");

    await db.discount.update({ where: { id: only.id }, data: { active: false } });
    await deleteTier(organizer.id, vip.id);
    expect((await db.discount.findUniqueOrThrow({ where: { id: both.id } })).tierIds).toEqual([ga.id]);
    // The inactive code keeps the dead id: it matches no tier rather than all of them.
    expect((await db.discount.findUniqueOrThrow({ where: { id: only.id } })).tierIds).toEqual([vip.id]);
  });

  it("404s for another organizer's tier", async () => {
    const { event } = await setup();
    const tier = await createTestTier(event.id);
    const other = await createOrganizerWithOwner("other-venue");
    expect((await caught(deleteTier(other.organizer.id, tier.id))).status).toBe(404);
    expect(await db.tier.count()).toBe(1);
  });
});

describe("listEventTiers and reorderTiers", () => {
  beforeEach(resetDatabase);

  it("lists tiers in order with sold, held and remaining", async () => {
    const { organizer, event } = await setup();
    const ga = await createTestTier(event.id, { name: "GA", capacity: 50, sortOrder: 1 });
    const vip = await createTestTier(event.id, { name: "VIP", capacity: 10, sortOrder: 0 });
    await createOrder(event.id, { tierId: ga.id, quantity: 4 });
    await createOrder(event.id, {
      tierId: ga.id,
      quantity: 1,
      status: "partially_refunded",
      ticketStatus: "void",
    });
    await createOrder(event.id, { tierId: vip.id, quantity: 3, status: "pending" });
    const other = await createEvent(organizer.id);
    await createTestTier(other.id, { name: "Elsewhere" });

    const list = await listEventTiers(organizer.id, event.id);
    expect(list.event).toMatchObject({ id: event.id, currency: "cad", timezone: "America/Vancouver" });
    expect(list.tiers.map((t) => [t.name, t.sold, t.held, t.remaining])).toEqual([
      ["VIP", 0, 3, 7],
      ["GA", 4, 0, 46],
    ]);

    const reordered = await reorderTiers(organizer.id, event.id, { tierIds: [ga.id, vip.id] });
    expect(reordered.tiers.map((t) => [t.name, t.sortOrder])).toEqual([
      ["GA", 0],
      ["VIP", 1],
    ]);
    const stale = await caught(reorderTiers(organizer.id, event.id, { tierIds: [ga.id] }));
    expect(stale.status).toBe(422);
    expect(fieldsOf(stale)).toEqual(["tierIds"]);
    const dup = await caught(reorderTiers(organizer.id, event.id, { tierIds: [ga.id, ga.id] }));
    expect(fieldsOf(dup)).toEqual(["tierIds"]);
  });

  it("404s for another organizer's event", async () => {
    const { event } = await setup();
    const other = await createOrganizerWithOwner("other-venue");
    expect((await caught(listEventTiers(other.organizer.id, event.id))).status).toBe(404);
  });
});
