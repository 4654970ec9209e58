import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createTestDevice, syncDevice } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { problem } from "@/lib/testing/errors";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { PATCH } from "./route";

beforeEach(resetDatabase);

async function world() {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
  });
  const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
  return { organizer, owner, event, general, order, token, tickets, device };
}

const rename = (orderId: string, ticketId: string, token: string | undefined, body: unknown) =>
  PATCH(
    apiRequest(
      `/api/tickets/orders/${orderId}/tickets/${ticketId}${token ? `?token=${encodeURIComponent(token)}` : ""}`,
      { method: "PATCH", body },
    ),
    routeContext({ id: orderId, ticketId }),
  );

describe("PATCH /api/tickets/orders/:id/tickets/:ticketId", () => {
  it("renames the holder (audited) and the scanners' next delta sync carries the new name", async () => {
    const { order, token, tickets, device } = await world();
    const ticket = tickets[0]!;
    // Tickets sold long ago: a delta then carries only what changed since (not the overlap's re-sends).
    await db.$executeRaw`UPDATE tickets_tickets SET updated_at = now() - interval '10 minutes' WHERE order_id = ${order.id}`;
    const before = await syncDevice(device.token);
    expect(before.tickets.find((t) => t[0] === ticket.id)?.[2]).toBe("Ana Lima");

    const response = await rename(order.id, ticket.id, token, { holderName: "  Rosa   Díaz " });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ticketId: ticket.id, holderName: "Rosa Díaz" });

    const delta = await syncDevice(device.token, before.cursor);
    expect(delta.full).toBe(false);
    expect(delta.tickets.map((t) => [t[0], t[2]])).toEqual([[ticket.id, "Rosa Díaz"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.ticket.holder_renamed" } });
    expect(audit).toMatchObject({ entityId: ticket.id, actorType: "buyer" });
    expect(audit.data).toMatchObject({ from: "Ana Lima", to: "Rosa Díaz" });
  });

  it("answers 422 naming holderName for empty, too long or control characters", async () => {
    const { order, token, tickets } = await world();
    for (const holderName of ["", "   ", "x".repeat(121), "Rosa\u0000", "Rosa\nDíaz", "Rosa\u202e", 7]) {
      const response = await rename(order.id, tickets[0]!.id, token, { holderName });
      expect(response.status, JSON.stringify(holderName)).toBe(422);
      expect(
        (await problem(response)).errors?.map((e) => e.field),
        JSON.stringify(holderName),
      ).toEqual(["holderName"]);
    }
    expect(await db.auditLog.count({ where: { action: "tickets.ticket.holder_renamed" } })).toBe(0);
  });

  it("answers 409 after the event started and for a ticket that is not valid; 404 for another order's link", async () => {
    const { event, general, order, token, tickets } = await world();
    const other = await createPassesOrder(event, [{ tier: general, quantity: 1 }], { status: "paid" });
    expect((await rename(order.id, tickets[0]!.id, other.token, { holderName: "Rosa" })).status).toBe(404);
    expect((await rename(order.id, tickets[0]!.id, undefined, { holderName: "Rosa" })).status).toBe(404);

    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "refunded" } });
    const refunded = await rename(order.id, tickets[0]!.id, token, { holderName: "Rosa" });
    expect(refunded.status).toBe(409);
    expect((await problem(refunded)).detail).toMatch(/refunded/);

    await db.event.update({ where: { id: event.id }, data: { startsAt: new Date(Date.now() - 60_000) } });
    const started = await rename(order.id, tickets[1]!.id, token, { holderName: "Rosa" });
    expect(started.status).toBe(409);
    expect((await problem(started)).detail).toMatch(/until the event starts/);
    expect(await db.ticket.count({ where: { holderName: "Rosa" } })).toBe(0);
  });
});
