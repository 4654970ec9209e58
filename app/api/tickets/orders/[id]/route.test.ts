import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { GET } from "./route";
import { GET as getCalendar } from "./calendar.ics/route";

async function paidOrderWithTickets() {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general, vip } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(
    event,
    [
      { tier: general, quantity: 2 },
      { tier: vip, quantity: 1 },
    ],
    { status: "paid" },
  );
  const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  return { organizer, owner, event, order, token, tickets };
}

const get = (orderId: string, init: { token?: string; cookie?: string } = {}) =>
  GET(
    apiRequest(`/api/tickets/orders/${orderId}${init.token === undefined ? "" : `?token=${init.token}`}`, {
      cookie: init.cookie,
    }),
    routeContext({ id: orderId }),
  );

describe("GET /api/tickets/orders/:id", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("answers the buyer holding the token with the order, times in the event's zone and named taxes", async () => {
    const { order, token, tickets, event } = await paidOrderWithTickets();
    const response = await get(order.id, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as Record<string, unknown> & {
      event: Record<string, unknown>;
      lines: Record<string, unknown>[];
      taxLines: { name: string; amountMinor: number }[];
      totals: Record<string, number>;
      tickets: Record<string, unknown>[];
    };
    expect(body).toMatchObject({ id: order.id, status: "paid", currency: "cad" });
    expect(body.event).toMatchObject({
      title: event.title,
      venueName: "The Loft",
      timezone: "America/Vancouver",
      startsAt: "2030-12-28T04:00:00.000Z",
    });
    expect(body.event.startsAtLocal).toMatch(/^Fri, Dec 27, 2030, 8:00.*PST$/);
    expect(body.lines).toEqual([
      expect.objectContaining({
        tierName: "General Admission",
        quantity: 2,
        unitPriceMinor: 2500,
        feeMinor: 300,
      }),
      expect.objectContaining({ tierName: "VIP Balcony", quantity: 1, unitPriceMinor: 6000, feeMinor: 150 }),
    ]);
    expect(body.taxLines.map((t) => t.name)).toEqual(["GST", "PST"]);
    expect(body.totals.totalMinor).toBe(order.totalMinor);
    expect(body.tickets).toHaveLength(3);
    // Box-office codes are distinct within an order (cuid prefixes are timestamps, shared by the batch).
    expect(new Set(body.tickets.map((t) => t.shortCode)).size).toBe(3);
    expect(body.tickets[0]).toEqual({
      id: tickets[0]?.id,
      shortCode: tickets[0]?.id.slice(-8).toUpperCase(),
      tierName: "General Admission",
      holderName: "Ana Lima",
      status: "valid",
      disputed: false,
      transferredTo: null,
    });
  });

  it("answers 404, never 403, for a wrong token, no token or another order's token", async () => {
    const { order, token, event } = await paidOrderWithTickets();
    const general = await db.tier.findFirstOrThrow({ where: { eventId: event.id } });
    const other = await createPassesOrder(event, [{ tier: general, quantity: 1 }]);
    for (const attempt of [
      await get(order.id, { token: token.slice(0, -1) + (token.endsWith("x") ? "y" : "x") }),
      await get(order.id),
      await get(order.id, { token: other.token }),
      await get("no-such-order", { token }),
    ]) {
      expect(attempt.status).toBe(404);
      expect(attempt.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("lets an owner or manager of the order's organizer in without the token, never a scanner or another organizer", async () => {
    const { organizer, owner, order, tickets } = await paidOrderWithTickets();
    const manager = await addMember(organizer.id, "manager@blue-room.example", "manager");
    const scanner = await addMember(organizer.id, "scanner@blue-room.example", "scanner");
    const { owner: stranger } = await createOrganizerWithOwner("red-room");

    for (const cookie of [owner.cookie, manager.cookie]) {
      const response = await get(order.id, { cookie });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ id: order.id, status: "paid" });
      for (const ticket of tickets) {
        expect(text).not.toContain(ticket.secret);
        expect(text).not.toContain(ticket.secretHash);
      }
    }
    expect((await get(order.id, { cookie: stranger.cookie })).status).toBe(404);
    expect((await get(order.id, { cookie: scanner.cookie })).status).toBe(404);
    expect((await get(order.id, { cookie: stranger.cookie, token: "wrong-token-wrong-token" })).status).toBe(
      404,
    );
  });

  it("never puts a ticket secret (or its hash) in the JSON, token or not", async () => {
    const { order, token, tickets } = await paidOrderWithTickets();
    const text = await (await get(order.id, { token })).text();
    expect(text).toContain(tickets[0]?.id);
    for (const ticket of tickets) {
      expect(text).not.toContain(ticket.secret);
      expect(text).not.toContain(ticket.secretHash);
    }
    expect(text).not.toMatch(/"secret/i);
  });

  it("shows a pending order (no tickets yet) and a refunded ticket's status", async () => {
    const { order, token, tickets } = await paidOrderWithTickets();
    await db.ticket.update({ where: { id: tickets[0]?.id }, data: { status: "refunded" } });
    await db.ticket.update({ where: { id: tickets[1]?.id }, data: { disputed: true } });
    const body = (await (await get(order.id, { token })).json()) as {
      tickets: { status: string; disputed: boolean }[];
    };
    expect(body.tickets.map((t) => [t.status, t.disputed])).toEqual([
      ["refunded", false],
      ["valid", true],
      ["valid", false],
    ]);
  });
});

describe("GET /api/tickets/orders/:id/calendar.ics", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("serves the event as iCalendar to the token holder and 404 to anyone else", async () => {
    const { order, token, event } = await paidOrderWithTickets();
    const response = await getCalendar(
      apiRequest(`/api/tickets/orders/${order.id}/calendar.ics?token=${token}`),
      routeContext({ id: order.id }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${event.slug}.ics"`);
    const ics = await response.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20301228T040000Z\r\n");
    expect(ics).toContain("DTEND:20301228T073000Z\r\n");
    expect(ics).toContain("SUMMARY:The Night Owls\r\n");
    expect(ics).toContain("LOCATION:The Loft\\, 123 Granville St\\, Vancouver\\, BC\\, CA\r\n");
    expect(ics).not.toContain(token); // calendars get shared: the link inside is the public event page

    const denied = await getCalendar(
      apiRequest(`/api/tickets/orders/${order.id}/calendar.ics?token=nope-nope-nope-nope`),
      routeContext({ id: order.id }),
    );
    expect(denied.status).toBe(404);
  });
});
