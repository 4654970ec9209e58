import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { decodePng, decodeQrPng } from "@/lib/tickets/testing/decode-qr-png";
import { GET } from "./route";

async function paidOrderWithTickets() {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
  });
  const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  return { organizer, owner, order, token, tickets };
}

const get = (ticketId: string, query: string, cookie?: string) =>
  GET(
    apiRequest(`/api/tickets/tickets/${ticketId}/qrcode${query}`, { cookie }),
    routeContext({ id: ticketId }),
  );

describe("GET /api/tickets/tickets/:id/qrcode", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("serves a PNG (by default) whose QR content is exactly the ticket's signed code, never cached", async () => {
    const { token, tickets } = await paidOrderWithTickets();
    const [first, second] = tickets;
    if (!first || !second) throw new Error("tickets missing");
    const response = await get(first.id, `?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const png = new Uint8Array(await response.arrayBuffer());
    // Version 7 (45 modules) + 2-module margins, 8 px per module.
    const { width, height } = decodePng(png);
    expect([width, height]).toEqual([392, 392]);
    expect(decodeQrPng(png)).toBe(first.secret);

    const other = new Uint8Array(await (await get(second.id, `?token=${token}&format=png`)).arrayBuffer());
    expect(decodeQrPng(other)).toBe(second.secret);
  });

  it("serves an SVG of the same code on format=svg", async () => {
    const { token, tickets } = await paidOrderWithTickets();
    const [first, second] = tickets;
    if (!first || !second) throw new Error("tickets missing");
    const one = await get(first.id, `?token=${token}&format=svg`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe("image/svg+xml");
    const svgOne = await one.text();
    expect(svgOne).toMatch(/^<svg[^>]+viewBox="0 0 49 49"/);
    const svgTwo = await (await get(second.id, `?token=${token}&format=svg`)).text();
    const path = (svg: string) => /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1];
    expect(path(svgOne)).toBeTruthy();
    expect(path(svgOne)).not.toBe(path(svgTwo));
    expect((await get(first.id, `?token=${token}&format=gif`)).status).toBe(422);
  });

  it("answers 404 to a wrong token, another organizer and unknown tickets; owners get the image", async () => {
    const { token, tickets, owner } = await paidOrderWithTickets();
    const ticket = tickets[0];
    if (!ticket) throw new Error("ticket missing");
    const { owner: stranger } = await createOrganizerWithOwner("red-room");
    expect(
      (await get(ticket.id, `?token=${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`)).status,
    ).toBe(404);
    expect((await get(ticket.id, "")).status).toBe(404);
    expect((await get(ticket.id, "", stranger.cookie)).status).toBe(404);
    expect((await get("no-such-ticket", `?token=${token}`)).status).toBe(404);
    const mine = await get(ticket.id, "", owner.cookie);
    expect(mine.status).toBe(200);
    expect(decodeQrPng(new Uint8Array(await mine.arrayBuffer()))).toBe(ticket.secret);
  });

  it("answers a scanner of the organizer 404 and audits nothing (scanners never see codes)", async () => {
    const { organizer, tickets } = await paidOrderWithTickets();
    const scanner = await addMember(organizer.id, "door@blue-room.example", "scanner");
    expect((await get(tickets[0]?.id ?? "", "", scanner.cookie)).status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "tickets.ticket.qr_code_viewed" } })).toBe(0);
  });

  it("audits every fetch by an owner or manager (who, which ticket, which order); the buyer's link is not", async () => {
    const { organizer, owner, order, token, tickets } = await paidOrderWithTickets();
    const manager = await addMember(organizer.id, "boss@blue-room.example", "manager");
    const ticket = tickets[0];
    if (!ticket) throw new Error("ticket missing");
    expect((await get(ticket.id, `?token=${token}`)).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "tickets.ticket.qr_code_viewed" } })).toBe(0);

    expect((await get(ticket.id, "", owner.cookie)).status).toBe(200);
    expect((await get(ticket.id, "?format=svg", owner.cookie)).status).toBe(200);
    expect((await get(ticket.id, "", manager.cookie)).status).toBe(200);
    const rows = await db.auditLog.findMany({
      where: { action: "tickets.ticket.qr_code_viewed" },
      orderBy: { createdAt: "asc" },
      select: {
        organizerId: true,
        actorUserId: true,
        actorType: true,
        entityType: true,
        entityId: true,
        data: true,
      },
    });
    expect(rows).toEqual(
      [owner.userId, owner.userId, manager.userId].map((actorUserId, i) => ({
        organizerId: organizer.id,
        actorUserId,
        actorType: "user",
        entityType: "ticket",
        entityId: ticket.id,
        data: { orderId: order.id, format: i === 1 ? "svg" : "png" },
      })),
    );
  });

  it("answers 410 with problem+json for a refunded or void ticket", async () => {
    const { token, tickets } = await paidOrderWithTickets();
    const [refunded, voided] = tickets;
    if (!refunded || !voided) throw new Error("tickets missing");
    await db.ticket.update({ where: { id: refunded.id }, data: { status: "refunded" } });
    await db.ticket.update({ where: { id: voided.id }, data: { status: "void" } });
    for (const ticket of [refunded, voided]) {
      const response = await get(ticket.id, `?token=${token}`);
      expect(response.status).toBe(410);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as { status: number; detail: string };
      expect(problem).toMatchObject({
        status: 410,
        detail: "This ticket was refunded and is no longer valid",
      });
    }
    // Still 404 (not 410) for someone without access: the status is not leaked either.
    expect((await get(refunded.id, "?token=someone-elses-token-xyz")).status).toBe(404);
  });
});
