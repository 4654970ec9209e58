import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { ORDER_CONFIRMATION_TEMPLATE, queueOrderConfirmation } from "@/lib/orders/queue-order-confirmation";
import { RESEND_CONFIRMATION_LIMIT } from "@/lib/orders/resend-order-confirmation";
import { resetDatabase } from "@/lib/testing/db";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { GET as getOrder } from "../route";
import { POST } from "./route";

/** A paid order whose confirmation was queued once already, as the payment webhook does. */
async function confirmedOrder() {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
    buyerEmail: "ana@buyer.example",
    token: "derived",
  });
  await db.$transaction(async (tx) => {
    await issueTicketsForOrder(tx, order.id);
    await queueOrderConfirmation(tx, order.id);
  });
  return { organizer, owner, event, general, order, token };
}

const resend = (orderId: string, init: { token?: string; cookie?: string } = {}) =>
  POST(
    apiRequest(
      `/api/tickets/orders/${orderId}/resend${init.token ? `?token=${encodeURIComponent(init.token)}` : ""}`,
      { method: "POST", body: {}, cookie: init.cookie },
    ),
    routeContext({ id: orderId }),
  );

const confirmations = (orderId: string) =>
  db.emailOutbox.findMany({
    where: { orderId, template: ORDER_CONFIRMATION_TEMPLATE },
    orderBy: { createdAt: "asc" },
    select: { toAddress: true, text: true },
  });

describe("POST /api/tickets/orders/:id/resend", () => {
  beforeEach(resetDatabase);

  it("queues the confirmation again for the buyer, with the link they hold, however often it was sent", async () => {
    const { order, token } = await confirmedOrder();
    const response = await resend(order.id, { token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ emailed: true });

    const sent = await confirmations(order.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.toAddress).toBe("ana@buyer.example");
    expect((sent[1]?.text ?? "").replace(/\s+/g, "")).toContain(`token=${token}`);
    const opened = await getOrder(
      apiRequest(`/api/tickets/orders/${order.id}?token=${token}`),
      routeContext({ id: order.id }),
    );
    expect(opened.status).toBe(200);
    expect(
      await db.auditLog.findMany({
        where: { action: "tickets.order.confirmation_resent" },
        select: { entityId: true, actorType: true },
      }),
    ).toEqual([{ entityId: order.id, actorType: "buyer" }]);
  });

  it("allows 3 resends an hour per order, then a 429 with Retry-After and a message saying when", async () => {
    const { order, token } = await confirmedOrder();
    for (let i = 0; i < RESEND_CONFIRMATION_LIMIT.limit; i++)
      expect((await resend(order.id, { token })).status).toBe(200);
    const limited = await resend(order.id, { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(
      /emailed 3 times in the last hour\. Try again in \d+ minutes?\./,
    );
    expect(await confirmations(order.id)).toHaveLength(1 + RESEND_CONFIRMATION_LIMIT.limit);
  });

  it("answers 404 to a stranger, a scanner or a wrong token, sends nothing and spends none of the order's limit", async () => {
    const { organizer, order, token } = await confirmedOrder();
    const { owner: stranger } = await createOrganizerWithOwner("red-room");
    const scanner = await addMember(organizer.id, "door@blue-room.example", "scanner");
    const wrong = `${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`;
    for (let i = 0; i < RESEND_CONFIRMATION_LIMIT.limit; i++) {
      for (const init of [{ cookie: stranger.cookie }, { cookie: scanner.cookie }, {}, { token: wrong }])
        expect((await resend(order.id, init)).status).toBe(404);
    }
    expect(await confirmations(order.id)).toHaveLength(1);
    expect((await resend(order.id, { token })).status).toBe(200);
  });

  it("lets an owner or manager resend (audited as them); an order without passes is a 409", async () => {
    const { organizer, owner, event, general, order } = await confirmedOrder();
    const manager = await addMember(organizer.id, "boss@blue-room.example", "manager");
    expect((await resend(order.id, { cookie: manager.cookie })).status).toBe(200);
    expect(
      await db.auditLog.findMany({
        where: { action: "tickets.order.confirmation_resent" },
        select: { actorType: true, actorUserId: true },
      }),
    ).toEqual([{ actorType: "user", actorUserId: manager.userId }]);

    const pending = await createPassesOrder(event, [{ tier: general, quantity: 1 }]);
    expect((await resend(pending.order.id, { cookie: owner.cookie })).status).toBe(409);
    expect(await db.emailOutbox.count({ where: { orderId: pending.order.id } })).toBe(0);
  });
});
