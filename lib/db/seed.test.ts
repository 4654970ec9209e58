import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  DEMO_DISCOUNT_CODE,
  DEMO_EVENT_SLUG,
  SECOND_EVENT_SLUG,
  SECOND_OWNER_EMAIL,
  seedDemo,
} from "@/lib/db/seed";
import { resetDatabase } from "@/lib/testing/db";

describe("demo seed", () => {
  beforeEach(resetDatabase);

  it("seeds an empty database with a published event, two tiers and a nearly sold-out one", async () => {
    const result = await seedDemo({ reset: false });
    expect(result).toMatchObject({
      seeded: true,
      eventSlug: DEMO_EVENT_SLUG,
      discountCode: DEMO_DISCOUNT_CODE,
    });
    expect(result.samplePassesPath).toMatch(/^\/tickets\/order\/[0-9a-f-]+\?token=[A-Za-z0-9_-]{43}$/);
    const event = await db.event.findUniqueOrThrow({
      where: { slug: DEMO_EVENT_SLUG },
      include: { tiers: { include: { _count: { select: { tickets: true } } } } },
    });
    expect(event.status).toBe("published");
    expect(event.tiers).toHaveLength(2);
    const vip = event.tiers.find((t) => t.name === "VIP Balcony");
    expect(vip?._count.tickets).toBe(18);
    expect(vip?.capacity).toBe(20);
    const order = await db.order.findFirstOrThrow({ where: { eventId: event.id }, include: { items: true } });
    expect(order.totalMinor).toBe(order.subtotalMinor + order.feeMinor + order.taxMinor);
    expect(order.items[0]?.totalMinor).toBe(order.totalMinor);
  });

  it("shows every feature: a code to try, a cover image, past orders, a refund and check-ins", async () => {
    await seedDemo({ reset: false });
    const event = await db.event.findUniqueOrThrow({ where: { slug: DEMO_EVENT_SLUG } });
    expect(event.coverImageUrl).toMatch(/^https?:\/\/[^/]+\/demo\/demo-night-cover\.jpg$/);
    const discount = await db.discount.findFirstOrThrow({
      where: { eventId: event.id, code: DEMO_DISCOUNT_CODE },
    });
    expect(discount).toMatchObject({ kind: "percent", percentBps: 1000, active: true });

    const orders = await db.order.findMany({ where: { eventId: event.id }, orderBy: { paidAt: "asc" } });
    expect(orders.length).toBeGreaterThanOrEqual(8);
    expect(orders.every((o) => o.paidAt && o.paidAt.getTime() < Date.now() - 60 * 60 * 1000)).toBe(true);
    const discounted = orders.filter((o) => o.discountId === discount.id);
    expect(discounted.length).toBeGreaterThan(0);
    expect(discounted.every((o) => o.discountMinor > 0)).toBe(true);

    // One refund, applied the way a Stripe refund is: the order refunded, its tickets revoked.
    const refunds = await db.refund.findMany({ where: { order: { eventId: event.id } } });
    expect(refunds).toHaveLength(1);
    const refund = refunds[0]!;
    expect(refund.status).toBe("succeeded");
    const refunded = orders.find((o) => o.id === refund.orderId)!;
    const afterRefund = await db.order.findUniqueOrThrow({ where: { id: refunded.id } });
    expect(afterRefund).toMatchObject({ status: "refunded", refundedMinor: refunded.totalMinor });
    const voided = await db.ticket.findMany({ where: { orderId: refunded.id } });
    expect(voided.length).toBeGreaterThan(0);
    expect(voided.every((t) => t.status === "refunded")).toBe(true);
    expect(await db.revokedSecret.count({ where: { ticketId: { in: voided.map((t) => t.id) } } })).toBe(
      voided.length,
    );

    // Some check-ins by a scanner device, of valid tickets.
    const checkins = await db.checkin.findMany({ where: { eventId: event.id }, include: { ticket: true } });
    expect(checkins.length).toBeGreaterThan(0);
    expect(checkins.every((c) => c.result === "admitted" && c.deviceId && c.ticket?.status === "valid")).toBe(
      true,
    );
  });

  it("seeds once: a second start finds the data and adds nothing", async () => {
    await seedDemo({ reset: false });
    const counts = async () =>
      Promise.all([
        db.order.count(),
        db.ticket.count(),
        db.refund.count(),
        db.checkin.count(),
        db.discount.count(),
      ]);
    const before = await counts();
    expect((await seedDemo({ reset: false })).seeded).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("never seeds a database that already has data, and reset starts over", async () => {
    await db.user.create({ data: { email: "someone@example.test" } });
    expect((await seedDemo({ reset: false })).seeded).toBe(false);
    expect(await db.event.count()).toBe(0);
    expect((await seedDemo({ reset: true })).seeded).toBe(true);
    expect(await db.user.count({ where: { email: "someone@example.test" } })).toBe(0);
    expect(await db.event.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).toEqual([
      { slug: DEMO_EVENT_SLUG },
      { slug: SECOND_EVENT_SLUG },
    ]);
  });

  it("seeds a second organizer with its own owner and published event, apart from the first", async () => {
    await seedDemo({ reset: false });
    const event = await db.event.findUniqueOrThrow({
      where: { slug: SECOND_EVENT_SLUG },
      include: { organizer: { include: { members: true } }, tiers: true },
    });
    expect(event.status).toBe("published");
    expect(event.tiers).toHaveLength(1);
    expect(event.organizer.members.map((m) => [m.email, m.role])).toEqual([[SECOND_OWNER_EMAIL, "owner"]]);
    const demo = await db.event.findUniqueOrThrow({ where: { slug: DEMO_EVENT_SLUG } });
    expect(demo.organizerId).not.toBe(event.organizerId);
  });
});
