import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_EVENT_SLUG, seedDemo } from "@/lib/db/seed";
import { resetDatabase } from "@/lib/testing/db";

describe("demo seed", () => {
  beforeEach(resetDatabase);

  it("seeds an empty database with a published event, two tiers and a nearly sold-out one", async () => {
    const result = await seedDemo({ reset: false });
    expect(result).toMatchObject({ seeded: true, eventSlug: DEMO_EVENT_SLUG });
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

  it("never seeds a database that already has data, and reset starts over", async () => {
    await db.user.create({ data: { email: "someone@example.test" } });
    expect((await seedDemo({ reset: false })).seeded).toBe(false);
    expect(await db.event.count()).toBe(0);
    expect((await seedDemo({ reset: true })).seeded).toBe(true);
    expect(await db.user.count({ where: { email: "someone@example.test" } })).toBe(0);
    expect(await db.event.count()).toBe(1);
  });
});
