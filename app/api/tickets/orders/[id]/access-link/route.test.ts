import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { sendEmailJob } from "@/lib/email/send-email-job";
import { restoreEnv, stubEmailEnv } from "@/lib/email/testing/stub-env";
import { runDueJobs } from "@/lib/jobs/worker";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { resetDatabase } from "@/lib/testing/db";
import { withEmailStandIns } from "@/lib/testing/email-stand-ins";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { GET as getOrder } from "../route";
import { POST } from "./route";

const standIns = withEmailStandIns();

async function paidOrder(options: { token?: "random" | "derived" } = {}) {
  const { organizer, owner } = await createOrganizerWithOwner("blue-room");
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
    buyerEmail: "ana@buyer.example",
    ...options,
  });
  await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  return { organizer, owner, order, token };
}

const rotate = (orderId: string, init: { token?: string; cookie?: string } = {}) =>
  POST(
    apiRequest(`/api/tickets/orders/${orderId}/access-link${init.token ? `?token=${init.token}` : ""}`, {
      method: "POST",
      body: {},
      cookie: init.cookie,
    }),
    routeContext({ id: orderId }),
  );

const openOrder = async (orderId: string, token: string) =>
  (await getOrder(apiRequest(`/api/tickets/orders/${orderId}?token=${token}`), routeContext({ id: orderId })))
    .status;

/** Sends what the outbox holds through the SMTP stand-in; the new link's token, read from the received mail. */
async function deliveredLinkToken(orderId: string): Promise<string> {
  await db.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(Date.now() - 1000) } });
  expect(await runDueJobs([sendEmailJob])).toEqual(["succeeded"]);
  expect(standIns.smtp.received).toHaveLength(1);
  const mail = standIns.smtp.received[0];
  expect(mail?.to).toEqual(["ana@buyer.example"]);
  // Quoted-printable: undo soft line breaks and "=3D" before reading the link.
  const raw = (mail?.raw ?? "").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = new RegExp(`/tickets/order/${orderId}\\?token=([A-Za-z0-9_-]+)`).exec(raw);
  if (!match?.[1]) throw new Error("no passes link in the email");
  return match[1];
}

describe("POST /api/tickets/orders/:id/access-link", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIns.reset("re_unused");
    stubEmailEnv({ SMTP_URL: standIns.smtp.url, DEV_MAILBOX: "false" });
  });
  afterEach(restoreEnv);

  it("the buyer's link replaces itself: the old link answers 404, the emailed one opens the order", async () => {
    const { order, token } = await paidOrder();
    const response = await rotate(order.id, { token });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ emailed: true });

    expect(await openOrder(order.id, token)).toBe(404);
    const fresh = await deliveredLinkToken(order.id);
    expect(fresh).not.toBe(token);
    expect(body).not.toContain(fresh);
    expect(await openOrder(order.id, fresh)).toBe(200);
    expect(
      await db.auditLog.findMany({
        where: { action: "tickets.order.access_link_rotated" },
        select: { entityId: true, actorType: true, actorUserId: true },
      }),
    ).toEqual([{ entityId: order.id, actorType: "buyer", actorUserId: null }]);
    // The old link cannot rotate again (its holder has lost the order).
    expect((await rotate(order.id, { token })).status).toBe(404);
  });

  it("an owner or a manager rotates it from the portal, the checkout's derived link included", async () => {
    const { organizer, owner, order, token } = await paidOrder({ token: "derived" });
    const manager = await addMember(organizer.id, "boss@blue-room.example", "manager");
    expect((await rotate(order.id, { cookie: owner.cookie })).status).toBe(200);
    expect(await openOrder(order.id, token)).toBe(404);
    const fresh = await deliveredLinkToken(order.id);
    expect(await openOrder(order.id, fresh)).toBe(200);

    standIns.reset("re_unused");
    expect((await rotate(order.id, { cookie: manager.cookie })).status).toBe(200);
    expect(await openOrder(order.id, fresh)).toBe(404);
    expect(await openOrder(order.id, await deliveredLinkToken(order.id))).toBe(200);
    expect(
      await db.auditLog.findMany({
        where: { action: "tickets.order.access_link_rotated" },
        orderBy: { createdAt: "asc" },
        select: { organizerId: true, actorType: true, actorUserId: true },
      }),
    ).toEqual([
      { organizerId: organizer.id, actorType: "user", actorUserId: owner.userId },
      { organizerId: organizer.id, actorType: "user", actorUserId: manager.userId },
    ]);
  });

  it("another organizer, a scanner, a stranger and a wrong token get 404 and change nothing", async () => {
    const { organizer, order, token } = await paidOrder();
    const { owner: stranger } = await createOrganizerWithOwner("red-room");
    const scanner = await addMember(organizer.id, "door@blue-room.example", "scanner");
    const before = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { accessTokenHash: true },
    });
    for (const init of [
      { cookie: stranger.cookie },
      { cookie: scanner.cookie },
      {},
      { token: `${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}` },
    ]) {
      expect((await rotate(order.id, init)).status).toBe(404);
    }
    expect((await rotate("no-such-order", { cookie: stranger.cookie })).status).toBe(404);
    expect(
      await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { accessTokenHash: true } }),
    ).toEqual(before);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "tickets.order.access_link_rotated" } })).toBe(0);
    expect(await openOrder(order.id, token)).toBe(200);
  });

  it("an order without passes to send keeps its link (409, nothing written)", async () => {
    const { organizer, owner } = await createOrganizerWithOwner("blue-room");
    const { event, general } = await createPassesEvent(organizer.id);
    const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 1 }]);
    const response = await rotate(order.id, { cookie: owner.cookie });
    expect(response.status).toBe(409);
    expect(await openOrder(order.id, token)).toBe(200);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "tickets.order.access_link_rotated" } })).toBe(0);
  });
});
