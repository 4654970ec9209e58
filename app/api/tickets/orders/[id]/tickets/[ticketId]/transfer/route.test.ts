import { beforeEach, describe, expect, it } from "vitest";
import { PATCH as patchEvent } from "@/app/api/tickets/events/[id]/route";
import { GET as pdfGet } from "@/app/api/tickets/orders/[id]/tickets.pdf/route";
import { GET as qrGet } from "@/app/api/tickets/tickets/[id]/qrcode/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { codeHashFromSecretHash } from "@/lib/checkin/code-hash";
import { createTestDevice, syncDevice } from "@/lib/checkin/testing";
import { db } from "@/lib/db";
import { countSeatsTaken } from "@/lib/events/count-seats-taken";
import type { OrderSummary } from "@/lib/orders/order-summary";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { problem } from "@/lib/testing/errors";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { TICKET_TRANSFERRED_TEMPLATE } from "@/lib/tickets/apply-ticket-transfer";
import { getTicketPass } from "@/lib/tickets/get-ticket-pass";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { verifyTicketCode } from "@/lib/tickets/signing";
import { GET as orderGet } from "../../../route";
import { POST } from "./route";

beforeEach(resetDatabase);

/** A published event (starts in 2030), a paid order of two GA tickets with its token, and a scanner. */
async function world() {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general } = await createPassesEvent(organizer.id);
  const paid = await paidOrder(event, general);
  const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
  return { organizer, owner, event, general, device, ...paid };
}

async function paidOrder(
  event: { id: string; organizerId: string },
  general: { id: string; name: string; priceMinor: number },
) {
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
    buyerName: "Ana Lima",
  });
  const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  return { order, token, tickets };
}

const transfer = (orderId: string, ticketId: string, token: string | undefined, body: unknown) =>
  POST(
    apiRequest(
      `/api/tickets/orders/${orderId}/tickets/${ticketId}/transfer${token ? `?token=${encodeURIComponent(token)}` : ""}`,
      { method: "POST", body },
    ),
    routeContext({ id: orderId, ticketId }),
  );

const openOrder = async (orderId: string, token: string) =>
  orderGet(
    apiRequest(`/api/tickets/orders/${orderId}?token=${encodeURIComponent(token)}`),
    routeContext({ id: orderId }),
  );

const qrStatus = async (ticketId: string, token: string) =>
  (
    await qrGet(
      apiRequest(`/api/tickets/tickets/${ticketId}/qrcode?token=${encodeURIComponent(token)}&format=svg`),
      routeContext({ id: ticketId }),
    )
  ).status;

/** The recipient's link from their email in the outbox: `{ orderId, ticketId, token }`. */
async function recipientLink(to: string) {
  const mail = await db.emailOutbox.findFirstOrThrow({
    where: { toAddress: to, template: TICKET_TRANSFERRED_TEMPLATE },
    orderBy: { createdAt: "desc" },
    select: { text: true },
  });
  const match = /\/tickets\/order\/([^/\s]+)\/tickets\/([^?\s]+)\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`no pass link in ${mail.text}`);
  return { orderId: match[1], ticketId: match[2], token: match[3] };
}

describe("POST /api/tickets/orders/:id/tickets/:ticketId/transfer", () => {
  it("revokes the old code for scanners, issues a new verifying code to the recipient, and keeps the seat count", async () => {
    const { event, device, order, token, tickets } = await world();
    const [sent, kept] = tickets as [(typeof tickets)[number], (typeof tickets)[number]];
    const seatsBefore = await countSeatsTaken(db, event.id);
    // Tickets sold long ago: a delta then carries only what changed since (not the overlap's re-sends).
    await db.$executeRaw`UPDATE tickets_tickets SET updated_at = now() - interval '10 minutes' WHERE order_id = ${order.id}`;
    const before = await syncDevice(device.token);
    expect(before.revocations).toEqual([]);

    const response = await transfer(order.id, sent.id, token, {
      name: " Bo  Chen ",
      email: "Bo@Example.com",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { transferId: string; toTicketId: string; fromTicketId: string };
    expect(body).toMatchObject({ fromTicketId: sent.id, recipientName: "Bo Chen" });
    expect(JSON.stringify(body)).not.toContain("token");

    const old = await db.ticket.findUniqueOrThrow({ where: { id: sent.id } });
    const issued = await db.ticket.findUniqueOrThrow({ where: { id: body.toTicketId } });
    expect(old.status).toBe("transferred");
    expect(issued).toMatchObject({
      status: "valid",
      orderId: order.id,
      orderItemId: sent.orderItemId,
      tierId: sent.tierId,
      holderName: "Bo Chen",
      holderEmail: "bo@example.com",
    });
    expect(issued.secret).not.toBe(sent.secret);
    const keys = await db.signingKey.findMany({
      where: { eventId: event.id },
      select: { keyId: true, publicKey: true },
    });
    expect(verifyTicketCode(issued.secret, { id: event.id, keys })).toMatchObject({ ok: true });
    expect(await countSeatsTaken(db, event.id)).toBe(seatsBefore);

    // Scanners: the next delta carries both tickets and the revocation of the old code, by its hash only.
    const delta = await syncDevice(device.token, before.cursor);
    expect(delta.revocations).toEqual([
      { codeHash: codeHashFromSecretHash(sent.secretHash), reason: "transferred" },
    ]);
    expect(delta.tickets.map((t) => t[0]).sort()).toEqual([sent.id, issued.id].sort());
    const rows = new Map(delta.tickets.map((t) => [t[0], t]));
    expect(rows.get(sent.id)?.[4]).toBe("transferred");
    expect(rows.get(issued.id)).toMatchObject([
      issued.id,
      0,
      "Bo Chen",
      "bo@example.com",
      "valid",
      false,
      codeHashFromSecretHash(issued.secretHash),
      null,
      null,
    ]);
    expect(JSON.stringify(delta)).not.toContain(issued.secret);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.ticket.transferred" } });
    expect(audit).toMatchObject({ entityId: sent.id, actorType: "buyer" });
    expect(audit.data).toMatchObject({
      fromTicketId: sent.id,
      toTicketId: issued.id,
      transferId: body.transferId,
    });
    expect(JSON.stringify(audit.data)).not.toContain(sent.secret);
    expect(JSON.stringify(audit.data)).not.toContain(issued.secret);

    // The buyer's link: the sent ticket shows who has it; the new ticket is not theirs to see or scan.
    const summary = (await (await openOrder(order.id, token)).json()) as OrderSummary;
    expect(summary.tickets.map((t) => [t.id, t.status, t.transferredTo])).toEqual([
      [sent.id, "transferred", "Bo Chen"],
      [kept.id, "valid", null],
    ]);
    expect(await qrStatus(issued.id, token)).toBe(404);
    expect(await qrStatus(sent.id, token)).toBe(410);
    const pdf = (ticket?: string) =>
      pdfGet(
        apiRequest(
          `/api/tickets/orders/${order.id}/tickets.pdf?token=${encodeURIComponent(token)}${ticket ? `&ticket=${ticket}` : ""}`,
        ),
        routeContext({ id: order.id }),
      );
    expect((await pdf(issued.id)).status).toBe(404);
    expect((await pdf(sent.id)).status).toBe(410);
    expect((await pdf()).status).toBe(200);

    // The recipient's link (from their email) opens their one ticket and nothing else.
    const link = await recipientLink("bo@example.com");
    expect(link).toMatchObject({ orderId: order.id, ticketId: issued.id });
    const pass = await getTicketPass(order.id, issued.id, link.token);
    expect(pass).toMatchObject({
      via: "transfer",
      ticket: { id: issued.id, holderName: "Bo Chen", status: "valid" },
    });
    expect(pass?.transferRefusal).toBeNull();
    expect(await qrStatus(issued.id, link.token)).toBe(200);
    expect(await qrStatus(kept.id, link.token)).toBe(404);
    expect((await openOrder(order.id, link.token)).status).toBe(404);
    expect(await getTicketPass(order.id, issued.id, token)).toBeNull();
    expect(await getTicketPass(order.id, kept.id, link.token)).toBeNull();
    expect(await getTicketPass(order.id, kept.id, token)).toMatchObject({
      via: "token",
      ticket: { id: kept.id },
    });
  });

  it("lets the recipient send it on with their link; the sender's link then opens neither new ticket", async () => {
    const { order, token, tickets } = await world();
    const first = (await (
      await transfer(order.id, tickets[0]!.id, token, { name: "Bo Chen", email: "bo@example.com" })
    ).json()) as { toTicketId: string };
    const bo = await recipientLink("bo@example.com");

    expect(
      (await transfer(order.id, first.toTicketId, token, { name: "Cy", email: "cy@example.com" })).status,
    ).toBe(404);
    const again = await transfer(order.id, first.toTicketId, bo.token, {
      name: "Cy Dee",
      email: "cy@example.com",
    });
    expect(again.status).toBe(200);
    const second = (await again.json()) as { toTicketId: string };
    const cy = await recipientLink("cy@example.com");

    expect((await getTicketPass(order.id, bo.ticketId, bo.token))?.ticket).toMatchObject({
      status: "transferred",
      transferredTo: "Cy Dee",
    });
    expect(await qrStatus(second.toTicketId, cy.token)).toBe(200);
    expect(await qrStatus(second.toTicketId, bo.token)).toBe(404);
    expect(await qrStatus(second.toTicketId, token)).toBe(404);
    expect(await db.ticket.count({ where: { orderId: order.id, status: "valid" } })).toBe(2);
    // Bo's ticket is gone: their link cannot send it a second time.
    const twice = await transfer(order.id, first.toTicketId, bo.token, {
      name: "Di",
      email: "di@example.com",
    });
    expect(twice.status).toBe(409);
  });

  it("answers 422 naming the field for a bad email or name, and changes nothing", async () => {
    const { order, token, tickets } = await world();
    const cases: [unknown, string][] = [
      [{ name: "Bo", email: "not-an-email" }, "email"],
      [{ name: "Bo", email: "a@x.com, b@y.com" }, "email"],
      [{ name: "Bo" }, "email"],
      [{ name: "   ", email: "bo@example.com" }, "name"],
      [{ name: "Bo\u0007", email: "bo@example.com" }, "name"],
      [{ name: "x".repeat(121), email: "bo@example.com" }, "name"],
    ];
    for (const [body, field] of cases) {
      const response = await transfer(order.id, tickets[0]!.id, token, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problem(response)).errors?.map((e) => e.field)).toEqual([field]);
    }
    expect(await db.ticketTransfer.count()).toBe(0);
    expect(await db.ticket.count({ where: { status: "valid" } })).toBe(2);
  });

  it("answers 404 for another person's order or ticket, without a token, or with a wrong one", async () => {
    const { event, general, order, token, tickets } = await world();
    const other = await paidOrder(event, general);
    const body = { name: "Bo", email: "bo@example.com" };
    for (const [orderId, ticketId, key] of [
      [order.id, tickets[0]!.id, other.token],
      [order.id, other.tickets[0]!.id, token],
      [other.order.id, other.tickets[0]!.id, token],
      [order.id, tickets[0]!.id, undefined],
      [order.id, tickets[0]!.id, `${token.slice(0, -2)}zz`],
    ] as const) {
      expect((await transfer(orderId, ticketId, key, body)).status).toBe(404);
    }
    expect(await db.ticketTransfer.count()).toBe(0);
  });

  it("refuses with 409 and a clear message: used, refunded, void, disputed, already transferred, started, transfers off", async () => {
    const { event, general, owner } = await world();
    const body = { name: "Bo", email: "bo@example.com" };
    const cases: [string, (ticketId: string) => Promise<unknown>, RegExp][] = [
      [
        "used",
        (id) =>
          db.checkin.create({
            data: {
              eventId: event.id,
              ticketId: id,
              nonce: `n-${id}`,
              result: "admitted",
              scannedAt: new Date(),
            },
          }),
        /already used at the door/,
      ],
      ["refunded", (id) => db.ticket.update({ where: { id }, data: { status: "refunded" } }), /refunded/],
      ["void", (id) => db.ticket.update({ where: { id }, data: { status: "void" } }), /void/],
      ["disputed", (id) => db.ticket.update({ where: { id }, data: { disputed: true } }), /under review/],
      [
        "refund pending",
        async (id) => {
          const { orderId, organizerId } = await db.ticket.findUniqueOrThrow({ where: { id } });
          return db.refund.create({
            data: { organizerId, orderId, amountMinor: 100, status: "pending", ticketIds: [id] },
          });
        },
        /refund of this ticket is in progress/,
      ],
    ];
    for (const [name, setUp, message] of cases) {
      const { order, token, tickets } = await paidOrder(event, general);
      await setUp(tickets[0]!.id);
      const response = await transfer(order.id, tickets[0]!.id, token, body);
      expect(response.status, name).toBe(409);
      expect((await problem(response)).detail, name).toMatch(message);
    }

    const { order, token, tickets } = await paidOrder(event, general);
    expect((await transfer(order.id, tickets[0]!.id, token, body)).status).toBe(200);
    const twice = await transfer(order.id, tickets[0]!.id, token, body);
    expect(twice.status).toBe(409);
    expect((await problem(twice)).detail).toMatch(/already transferred/);

    // The organizer turns transfers off in the event editor (PATCH the event).
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      transfersEnabled: true,
    });
    const patched = await patchEvent(
      apiRequest(`/api/tickets/events/${event.id}`, {
        method: "PATCH",
        cookie: owner.cookie,
        body: { transfersEnabled: false },
      }),
      routeContext({ id: event.id }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ transfersEnabled: false });
    const off = await transfer(order.id, tickets[1]!.id, token, body);
    expect(off.status).toBe(409);
    expect((await problem(off)).detail).toMatch(/does not allow ticket transfers/);

    await db.event.update({
      where: { id: event.id },
      data: { transfersEnabled: true, startsAt: new Date(Date.now() - 60_000) },
    });
    const started = await transfer(order.id, tickets[1]!.id, token, body);
    expect(started.status).toBe(409);
    expect((await problem(started)).detail).toMatch(/until the event starts/);

    expect(await db.ticketTransfer.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "tickets.ticket.transferred" } })).toBe(1);
  });
});
