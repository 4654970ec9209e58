import { beforeEach, describe, expect, it } from "vitest";
import { db, type OrderStatus } from "@/lib/db";
import { listBuyerOrders } from "@/lib/orders/list-buyer-orders";
import { findOrderByAccessToken } from "@/lib/orders/order-access-token";
import { createPassesOrder } from "@/lib/orders/testing";
import { resetDatabase } from "@/lib/testing/db";
import { createEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

const NOW = new Date("2030-03-01T12:00:00Z");
const HOUR = 60 * 60_000;

async function eventOf(
  organizerId: string,
  title: string,
  startsAt: Date,
  options: { timezone?: string; hours?: number; status?: "published" | "cancelled" } = {},
) {
  const event = await createEvent(organizerId, {
    title,
    startsAt,
    endsAt: new Date(startsAt.getTime() + (options.hours ?? 3) * HOUR),
    timezone: options.timezone ?? "America/Vancouver",
    status: options.status ?? "published",
  });
  const tier = await createTier(event.id);
  return { event, tier };
}

async function orderFor(
  at: Awaited<ReturnType<typeof eventOf>>,
  buyerEmail: string,
  options: { status?: OrderStatus; token?: "random" | "derived"; quantity?: number } = {},
) {
  const status = options.status ?? "paid";
  const { order, token } = await createPassesOrder(
    at.event,
    [{ tier: at.tier, quantity: options.quantity ?? 1 }],
    { status: status === "pending" ? "pending" : "paid", buyerEmail, token: options.token ?? "derived" },
  );
  if (status !== "pending") await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  if (status !== "paid" && status !== "pending")
    await db.order.update({ where: { id: order.id }, data: { status } });
  return { order, token };
}

describe("listBuyerOrders", () => {
  beforeEach(resetDatabase);

  it("lists one address's orders from every organizer, never another address's, pending or expired ones", async () => {
    const { organizer: blue } = await createOrganizerWithOwner("blue-room");
    const { organizer: red } = await createOrganizerWithOwner("red-room");
    const concert = await eventOf(blue.id, "Night Owls", new Date("2030-04-01T04:00:00Z"));
    const play = await eventOf(red.id, "Hamlet", new Date("2030-05-01T02:00:00Z"));
    const fromBlue = await orderFor(concert, "ana@example.com", { quantity: 2 });
    const fromRed = await orderFor(play, "ana@example.com");
    await orderFor(concert, "bob@example.com");
    await orderFor(play, "ana@example.com", { status: "pending" });
    await orderFor(play, "ana@example.com", { status: "expired" });
    await orderFor(play, "ana@example.com", { status: "cancelled" });

    // Written the way a person might type it: the one spelling (canonicalEmail) finds the same orders.
    const { upcoming, past } = await listBuyerOrders("  Ana@Example.COM ", { now: NOW });
    expect(past).toEqual([]);
    expect(upcoming.map((o) => [o.id, o.organizerName, o.event.title, o.tickets.length])).toEqual([
      [fromBlue.order.id, blue.name, "Night Owls", 2],
      [fromRed.order.id, red.name, "Hamlet", 1],
    ]);
    expect(upcoming[0]?.tickets.every((t) => t.status === "valid" && t.tierName === concert.tier.name)).toBe(
      true,
    );

    const bob = await listBuyerOrders("bob@example.com", { now: NOW });
    expect(bob.upcoming.map((o) => o.id)).not.toContain(fromBlue.order.id);
    expect(bob.upcoming.map((o) => o.id)).not.toContain(fromRed.order.id);
    expect(bob.upcoming).toHaveLength(1);
    expect((await listBuyerOrders("nobody@example.com", { now: NOW })).upcoming).toEqual([]);
    expect((await listBuyerOrders("ana@example.com, bob@example.com", { now: NOW })).upcoming).toEqual([]);
  });

  it("puts events not yet over first (soonest first) and ended ones below (latest first)", async () => {
    const { organizer } = await createOrganizerWithOwner("blue-room");
    const later = await eventOf(organizer.id, "Later", new Date(NOW.getTime() + 30 * 24 * HOUR));
    const soon = await eventOf(organizer.id, "Soon", new Date(NOW.getTime() + 2 * 24 * HOUR));
    const underWay = await eventOf(organizer.id, "Under way", new Date(NOW.getTime() - HOUR));
    const lastYear = await eventOf(organizer.id, "Last year", new Date(NOW.getTime() - 365 * 24 * HOUR));
    const lastWeek = await eventOf(organizer.id, "Last week", new Date(NOW.getTime() - 7 * 24 * HOUR));
    for (const at of [later, soon, underWay, lastYear, lastWeek]) await orderFor(at, "ana@example.com");

    const { upcoming, past } = await listBuyerOrders("ana@example.com", { now: NOW });
    expect(upcoming.map((o) => o.event.title)).toEqual(["Under way", "Soon", "Later"]);
    expect(past.map((o) => o.event.title)).toEqual(["Last week", "Last year"]);
  });

  it("shows times in the event's zone with the zone named, marks refunds and cancelled events", async () => {
    const { organizer } = await createOrganizerWithOwner("blue-room");
    // 8 pm in Vancouver (PST) and 8 pm in Berlin (GMT+1, named with its zone) on the same evening.
    const vancouver = await eventOf(organizer.id, "Vancouver", new Date("2030-12-28T04:00:00Z"));
    const berlin = await eventOf(organizer.id, "Berlin", new Date("2030-12-27T19:00:00Z"), {
      timezone: "Europe/Berlin",
      status: "cancelled",
    });
    await orderFor(vancouver, "ana@example.com", { status: "partially_refunded" });
    await orderFor(berlin, "ana@example.com", { status: "refunded" });

    const { upcoming } = await listBuyerOrders("ana@example.com", { now: NOW });
    expect(upcoming.map((o) => [o.event.title, o.event.startsAtLocal, o.status, o.event.cancelled])).toEqual([
      ["Berlin", "Fri 27 Dec 2030, 20:00 GMT+1 (Europe/Berlin)", "refunded", true],
      ["Vancouver", "Fri 27 Dec 2030, 20:00 PST", "partially_refunded", false],
    ]);
  });

  it("links each order to its passes page with a token that opens it; a link it cannot rebuild is left out", async () => {
    const { organizer } = await createOrganizerWithOwner("blue-room");
    const show = await eventOf(organizer.id, "Show", new Date("2030-04-01T04:00:00Z"));
    const derived = await orderFor(show, "ana@example.com");
    const random = await orderFor(show, "ana@example.com", { token: "random" });

    const { upcoming } = await listBuyerOrders("ana@example.com", { now: NOW });
    const byId = new Map(upcoming.map((o) => [o.id, o]));
    const path = byId.get(derived.order.id)?.passesPath ?? "";
    const url = new URL(path, "http://localhost");
    expect(url.pathname).toBe(`/tickets/order/${derived.order.id}`);
    expect(url.searchParams.get("token")).toBe(derived.token);
    expect(await findOrderByAccessToken(derived.order.id, url.searchParams.get("token"))).not.toBeNull();
    expect(byId.get(random.order.id)?.passesPath).toBeNull();
  });
});
