import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEvent } from "@/lib/events/create-event";
import { eventFormInput } from "@/lib/events/testing";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { tag, ticketSecretHash, verifyTicketCode } from "@/lib/tickets/signing";
import { decodeTicketCode } from "@/lib/tickets/ticket-code";

async function paidOrder() {
  const { organizer } = await createOrganizerWithOwner();
  const { event, general, vip } = await createPassesEvent(organizer.id);
  const { order } = await createPassesOrder(
    event,
    [
      { tier: general, quantity: 2 },
      { tier: vip, quantity: 1 },
    ],
    { status: "paid", buyerName: "Ana Lima", buyerEmail: "ana@example.com" },
  );
  return { organizer, event, general, vip, order };
}

async function eventKeys(eventId: string) {
  const keys = await db.signingKey.findMany({ where: { eventId }, select: { keyId: true, publicKey: true } });
  return { id: eventId, keys };
}

describe("issueTicketsForOrder", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("issues one ticket per seat, signed with the event's key, held by the buyer", async () => {
    const { event, general, vip, order } = await paidOrder();
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);

    const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));

    expect(tickets).toHaveLength(3);
    expect(tickets.map((t) => t.tierId)).toEqual([general.id, general.id, vip.id]);
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(1); // created on first use
    const keys = await eventKeys(event.id);
    for (const ticket of tickets) {
      expect(verifyTicketCode(ticket.secret, keys)).toEqual({ ok: true, keyId: ticket.keyId });
      expect(ticket.secretHash).toBe(ticketSecretHash(decodeTicketCode(ticket.secret)!.bytes));
      expect(decodeTicketCode(ticket.secret)?.tierTag).toEqual(tag(ticket.tierId, 4));
      expect(ticket).toMatchObject({
        holderName: "Ana Lima",
        holderEmail: "ana@example.com",
        status: "valid",
      });
    }
    expect(new Set(tickets.map((t) => t.secret)).size).toBe(3);
    // The seats moved from holds to tickets.
    expect(await db.hold.count({ where: { orderId: order.id, convertedAt: null } })).toBe(0);
  });

  it("is idempotent: a second call (a redelivered webhook) returns the same tickets and creates none", async () => {
    const { order } = await paidOrder();
    const first = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
    const second = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
    expect(second.map((t) => [t.id, t.secret])).toEqual(first.map((t) => [t.id, t.secret]));
    expect(await db.ticket.count({ where: { orderId: order.id } })).toBe(3);
  });

  it("reuses the event's key for the next order", async () => {
    const { event, general, order } = await paidOrder();
    const { order: other } = await createPassesOrder(event, [{ tier: general, quantity: 1 }], {
      status: "paid",
    });
    const [a] = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
    const [b] = await db.$transaction((tx) => issueTicketsForOrder(tx, other.id));
    expect(a?.keyId).toBe(b?.keyId);
    expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(1);
    expect(verifyTicketCode(b?.secret ?? "", await eventKeys(event.id)).ok).toBe(true);
  });

  it("an event made in the portal has its key from the start: its first payment only uses it", async () => {
    const { owner, organizer } = await createOrganizerWithOwner();
    const event = await createEvent(
      { organizerId: organizer.id, userId: owner.userId },
      eventFormInput({ slug: "keyed-night" }),
    );
    const keys = await db.signingKey.findMany({
      where: { eventId: event.id },
      select: { id: true, keyId: true },
    });
    expect(keys).toEqual([{ id: expect.any(String), keyId: 1 }]);
    const tier = await createTier(event.id);
    const { order } = await createPassesOrder(
      { id: event.id, organizerId: organizer.id },
      [{ tier, quantity: 1 }],
      {
        status: "paid",
      },
    );
    const [ticket] = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
    expect(ticket?.keyId).toBe(1);
    expect(
      await db.signingKey.findMany({ where: { eventId: event.id }, select: { id: true, keyId: true } }),
    ).toEqual(keys);
  });

  it("refuses an unpaid order and writes nothing", async () => {
    const { organizer } = await createOrganizerWithOwner();
    const { event, general } = await createPassesEvent(organizer.id);
    const { order } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], { status: "pending" });
    await expect(db.$transaction((tx) => issueTicketsForOrder(tx, order.id))).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.ticket.count()).toBe(0);
    await expect(db.$transaction((tx) => issueTicketsForOrder(tx, "missing"))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("issues nothing when the caller's transaction rolls back", async () => {
    const { order } = await paidOrder();
    await expect(
      db.$transaction(async (tx) => {
        await issueTicketsForOrder(tx, order.id);
        throw new Error("payment commit failed");
      }),
    ).rejects.toThrow("payment commit failed");
    expect(await db.ticket.count()).toBe(0);
    expect(await db.$transaction((tx) => issueTicketsForOrder(tx, order.id))).toHaveLength(3);
  });
});
