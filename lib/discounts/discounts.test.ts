import { beforeEach, describe, expect, it } from "vitest";
import { db, type OrderStatus } from "@/lib/db";
import { countDiscountUses } from "@/lib/discounts/count-discount-uses";
import { createDiscount } from "@/lib/discounts/create-discount";
import { findApplicableDiscount } from "@/lib/discounts/find-applicable-discount";
import { listEventDiscounts } from "@/lib/discounts/list-event-discounts";
import { updateDiscount } from "@/lib/discounts/update-discount";
import { resetDatabase } from "@/lib/testing/db";
import { caught, fieldsOf } from "@/lib/testing/errors";
import { createEvent, createOrder, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

async function setup() {
  const { organizer, owner } = await createOrganizerWithOwner("the-loft");
  const event = await createEvent(organizer.id);
  const ga = await createTier(event.id, { name: "GA" });
  const vip = await createTier(event.id, { name: "VIP" });
  return { organizer, owner, event, ga, vip };
}

describe("createDiscount", () => {
  beforeEach(resetDatabase);

  it("stores the code upper-case, with the fields of its kind only, audited", async () => {
    const { organizer, owner, event, vip } = await setup();
    const code = await createDiscount(
      organizer.id,
      event.id,
      {
        code: " early-bird_1 ",
        kind: "percent",
        percentBps: 1500,
        amountMinor: 500,
        tierIds: [vip.id, vip.id],
      },
      { actorUserId: owner.userId },
    );
    expect(code).toMatchObject({
      code: "EARLY-BIRD_1",
      kind: "percent",
      percentBps: 1500,
      amountMinor: null,
      tierIds: [vip.id],
      active: true,
      uses: 0,
    });
    const fixed = await createDiscount(organizer.id, event.id, {
      code: "fiver",
      kind: "fixed",
      amountMinor: 500,
      currency: "CAD",
      maxUses: 10,
    });
    expect(fixed).toMatchObject({
      code: "FIVER",
      amountMinor: 500,
      percentBps: null,
      maxUses: 10,
      tierIds: [],
    });
    expect(
      await db.auditLog.count({ where: { action: "tickets.discount.created", actorUserId: owner.userId } }),
    ).toBe(1);
  });

  it("refuses the same code in another case with 409 naming code", async () => {
    const { organizer, event } = await setup();
    await createDiscount(organizer.id, event.id, { code: "SUMMER", kind: "percent", percentBps: 1000 });
    const error = await caught(
      createDiscount(organizer.id, event.id, { code: "summer", kind: "fixed", amountMinor: 100 }),
    );
    expect(error.status).toBe(409);
    expect(fieldsOf(error)).toEqual(["code"]);
    // Another event of the same organizer may use it.
    const other = await createEvent(organizer.id);
    await createDiscount(organizer.id, other.id, { code: "Summer", kind: "percent", percentBps: 1000 });
    expect(await db.discount.count()).toBe(2);
  });

  it("refuses bad input with 422 naming each field", async () => {
    const { organizer, event } = await setup();
    const foreignEvent = await createEvent(organizer.id);
    const foreignTier = await createTier(foreignEvent.id, { name: "Elsewhere" });
    const valid = { code: "GOOD", kind: "percent", percentBps: 1000 };
    const cases: [Record<string, unknown>, string][] = [
      [{ percentBps: 0 }, "percentBps"],
      [{ percentBps: 10_001 }, "percentBps"],
      [{ percentBps: 12.5 }, "percentBps"],
      [{ percentBps: undefined }, "percentBps"],
      [{ kind: "fixed", percentBps: undefined, amountMinor: 0 }, "amountMinor"],
      [{ kind: "fixed", percentBps: undefined }, "amountMinor"],
      [{ kind: "fixed", amountMinor: 500, currency: "usd" }, "currency"],
      [{ kind: "bogo" }, "kind"],
      [{ code: "ab" }, "code"],
      [{ code: "x".repeat(33) }, "code"],
      [{ code: "NO SPACES" }, "code"],
      [{ code: "ÉTÉ" }, "code"],
      [{ maxUses: 0 }, "maxUses"],
      [{ tierIds: [foreignTier.id] }, "tierIds"],
      [{ tierIds: ["does-not-exist"] }, "tierIds"],
      [{ validFrom: "2030-05-02T00:00:00Z", validUntil: "2030-05-01T00:00:00Z" }, "validUntil"],
      [{ validFrom: "2030-05-01T00:00:00Z", validUntil: "2030-05-01T00:00:00Z" }, "validUntil"],
    ];
    for (const [override, field] of cases) {
      const error = await caught(createDiscount(organizer.id, event.id, { ...valid, ...override }));
      expect(error.status, JSON.stringify(override)).toBe(422);
      expect(fieldsOf(error), JSON.stringify(override)).toEqual([field]);
    }
    expect(await db.discount.count()).toBe(0);
  });

  it("404s for another organizer's event, 409 for a cancelled one", async () => {
    const { event, organizer } = await setup();
    const other = await createOrganizerWithOwner("other-venue");
    const input = { code: "NOPE", kind: "percent", percentBps: 100 };
    expect((await caught(createDiscount(other.organizer.id, event.id, input))).status).toBe(404);
    const cancelled = await createEvent(organizer.id, { status: "cancelled" });
    expect((await caught(createDiscount(organizer.id, cancelled.id, input))).status).toBe(409);
    expect(await db.discount.count()).toBe(0);
  });
});

describe("updateDiscount", () => {
  beforeEach(resetDatabase);

  it("deactivates and reactivates, audited; checks the values after the change", async () => {
    const { organizer, owner, event, ga } = await setup();
    const code = await createDiscount(organizer.id, event.id, {
      code: "SPRING",
      kind: "percent",
      percentBps: 1000,
      validFrom: "2030-05-01T00:00:00Z",
    });
    await createDiscount(organizer.id, event.id, { code: "TAKEN", kind: "percent", percentBps: 1000 });
    const off = await updateDiscount(organizer.id, code.id, { active: false }, { actorUserId: owner.userId });
    expect(off.active).toBe(false);
    await updateDiscount(organizer.id, code.id, { active: true }, { actorUserId: owner.userId });
    const actions = await db.auditLog.findMany({
      where: { entityId: code.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "tickets.discount.created",
      "tickets.discount.deactivated",
      "tickets.discount.activated",
    ]);

    const cases: [Record<string, unknown>, number, string][] = [
      [{ validUntil: "2030-04-01T00:00:00Z" }, 422, "validUntil"],
      [{ kind: "fixed" }, 422, "amountMinor"],
      [{ percentBps: 10_001 }, 422, "percentBps"],
      [{ tierIds: ["nope"] }, 422, "tierIds"],
      [{ code: "taken" }, 409, "code"],
    ];
    for (const [patch, status, field] of cases) {
      const error = await caught(updateDiscount(organizer.id, code.id, patch));
      expect(error.status, JSON.stringify(patch)).toBe(status);
      expect(fieldsOf(error), JSON.stringify(patch)).toEqual([field]);
    }
    const changed = await updateDiscount(organizer.id, code.id, {
      kind: "fixed",
      amountMinor: 300,
      tierIds: [ga.id],
      code: "spring-2",
    });
    expect(changed).toMatchObject({
      code: "SPRING-2",
      kind: "fixed",
      amountMinor: 300,
      percentBps: null,
      tierIds: [ga.id],
    });
  });

  it("404s for another organizer's code and leaves it alone", async () => {
    const { organizer, event } = await setup();
    const code = await createDiscount(organizer.id, event.id, {
      code: "MINE",
      kind: "percent",
      percentBps: 100,
    });
    const other = await createOrganizerWithOwner("other-venue");
    expect((await caught(updateDiscount(other.organizer.id, code.id, { active: false }))).status).toBe(404);
    expect((await db.discount.findUniqueOrThrow({ where: { id: code.id } })).active).toBe(true);
  });
});

describe("discount usage", () => {
  beforeEach(resetDatabase);

  it("counts paid, partially refunded and pending orders still holding seats; not the others", async () => {
    const { organizer, event, ga } = await setup();
    const code = await createDiscount(organizer.id, event.id, {
      code: "COUNTME",
      kind: "percent",
      percentBps: 500,
    });
    await createDiscount(organizer.id, event.id, { code: "UNUSED", kind: "percent", percentBps: 500 });
    const use = (status: OrderStatus, hold: { expiresAt: Date } | null = null) =>
      createOrder(event.id, {
        tierId: ga.id,
        status,
        discountId: code.id,
        hold: hold !== null,
        expiresAt: hold?.expiresAt,
      });
    const inTenMinutes = new Date(Date.now() + 10 * 60_000);
    await use("paid");
    await use("partially_refunded");
    await use("pending", { expiresAt: inTenMinutes }); // in a cart: counts
    await use("pending", { expiresAt: new Date(Date.now() - 1000) }); // abandoned cart, not swept yet
    const released = await use("pending", { expiresAt: inTenMinutes });
    await db.hold.updateMany({ where: { orderId: released.id }, data: { releasedAt: new Date() } });
    await use("refunded");
    await use("expired");
    await use("cancelled");
    await createOrder(event.id, { tierId: ga.id, status: "paid" }); // no code

    const list = await listEventDiscounts(organizer.id, event.id);
    const uses = Object.fromEntries(list.discounts.map((d) => [d.code, d.uses]));
    expect(uses).toEqual({ COUNTME: 3, UNUSED: 0 });
    expect(await countDiscountUses(db, [code.id], { excludeOrderId: released.id })).toEqual(
      new Map([[code.id, 3]]),
    );
  });

  it("findApplicableDiscount: case-insensitive lookup; each refusal names discountCode", async () => {
    const { organizer, event, ga, vip } = await setup();
    const now = new Date();
    const later = new Date(now.getTime() + 60 * 60_000);
    const earlier = new Date(now.getTime() - 60 * 60_000);
    await createDiscount(organizer.id, event.id, {
      code: "YES",
      kind: "percent",
      percentBps: 1000,
      tierIds: [vip.id],
    });
    const inactive = await createDiscount(organizer.id, event.id, {
      code: "OFF",
      kind: "percent",
      percentBps: 1000,
    });
    await updateDiscount(organizer.id, inactive.id, { active: false });
    await createDiscount(organizer.id, event.id, {
      code: "SOON",
      kind: "percent",
      percentBps: 1,
      validFrom: later,
    });
    await createDiscount(organizer.id, event.id, {
      code: "GONE",
      kind: "percent",
      percentBps: 1,
      validUntil: earlier,
    });
    const once = await createDiscount(organizer.id, event.id, {
      code: "ONCE",
      kind: "percent",
      percentBps: 1,
      maxUses: 1,
    });
    const taken = await createOrder(event.id, { tierId: ga.id, status: "paid", discountId: once.id });

    const applies = await findApplicableDiscount(db, {
      eventId: event.id,
      code: " yes ",
      tierIds: [ga.id, vip.id],
      now,
    });
    expect(applies.discount.code).toBe("YES");
    expect(applies.tierIds).toEqual([vip.id]);

    const reason = async (code: string, tierIds = [ga.id]) => {
      const error = await caught(findApplicableDiscount(db, { eventId: event.id, code, tierIds, now }));
      expect(error.status).toBe(422);
      expect(fieldsOf(error)).toEqual(["discountCode"]);
      return error.message;
    };
    expect(await reason("NOPE")).toMatch(/does not exist/);
    expect(await reason("!!")).toMatch(/does not exist/);
    expect(await reason("off")).toMatch(/no longer active/);
    expect(await reason("soon")).toMatch(/not valid yet/);
    expect(await reason("gone")).toMatch(/expired/);
    expect(await reason("once")).toMatch(/maximum number of times/);
    expect(await reason("yes", [ga.id])).toMatch(/does not apply/);
    // The order being re-priced does not count against itself.
    const again = await findApplicableDiscount(db, {
      eventId: event.id,
      code: "once",
      tierIds: [ga.id],
      now,
      excludeOrderId: taken.id,
    });
    expect(again.discount.uses).toBe(0);
    // Another event's code is unknown here.
    const otherEvent = await createEvent(organizer.id);
    const error = await caught(
      findApplicableDiscount(db, { eventId: otherEvent.id, code: "YES", tierIds: [], now }),
    );
    expect(error.message).toMatch(/does not exist/);
  });
});
