// Platform-admin overrides through their routes: tier capacity with a note, comps (no-payment orders that
// issue tickets under the inventory lock), and refunds past the deadline with a note.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as organizerRefund } from "@/app/api/tickets/orders/[id]/refund/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { getAvailability } from "@/lib/inventory/get-availability";
import { takeHolds } from "@/lib/inventory/take-holds";
import { createCompOrder } from "@/lib/orders/create-comp-order";
import { getOrderForBuyer } from "@/lib/orders/get-order-for-buyer";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { getOrganizerOrder } from "@/lib/refunds/get-organizer-order";
import { listOrganizerOrders } from "@/lib/refunds/list-organizer-orders";
import { orderListQuerySchema } from "@/lib/refunds/order-list-query";
import { createPaidOrder, expectRefundedState, runJobs, setUpRefundEvent } from "@/lib/refunds/testing";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import {
  createOnSaleEvent,
  createOrganizerWithOwner,
  createTier,
  holdSeats,
  sellTickets,
} from "@/lib/testing/factories";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";
import { overrideTierCapacity } from "@/lib/tiers/override-tier-capacity";
import { POST as comps } from "./events/[id]/comps/route";
import { POST as adminRefund } from "./orders/[id]/refund/route";
import { GET as getAdminOrderRoute } from "./orders/[id]/route";
import { POST as capacity } from "./tiers/[id]/capacity/route";

const ADMIN = "admin@stagedoor.test";

const fields = async (response: Response) =>
  ((await response.json()) as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

let admin: { userId: string; cookie: string };
const bridge = withWebhookBridge();

beforeAll(() => {
  vi.stubEnv("ADMIN_EMAILS", ADMIN);
});
beforeEach(async () => {
  await resetDatabase();
  stubStripeEnv({ APP_URL: bridge.origin });
  admin = await createUserWithSession(ADMIN);
});
afterAll(() => {
  vi.unstubAllEnvs();
  loadEnv();
});

const setCapacity = (tierId: string, body: unknown, cookie = admin.cookie) =>
  capacity(
    apiRequest(`/api/tickets/admin/tiers/${tierId}/capacity`, { cookie, body }),
    routeContext({ id: tierId }),
  );
const comp = (eventId: string, body: unknown, cookie = admin.cookie) =>
  comps(
    apiRequest(`/api/tickets/admin/events/${eventId}/comps`, { cookie, body }),
    routeContext({ id: eventId }),
  );
const refundAsAdmin = (orderId: string, body: unknown, cookie = admin.cookie) =>
  adminRefund(
    apiRequest(`/api/tickets/admin/orders/${orderId}/refund`, { cookie, body }),
    routeContext({ id: orderId }),
  );

async function onSaleTier(tierCapacity: number) {
  const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id, { capacity: tierCapacity, maxPerOrder: 10 });
  return { organizer, owner, event, tier };
}

describe("inventory override: POST /api/tickets/admin/tiers/:id/capacity", () => {
  it("raises and lowers with a note, never below sold + held, audited with old/new/note", async () => {
    const { event, tier, organizer } = await onSaleTier(10);
    await sellTickets(event.id, tier.id, 3);
    await holdSeats(event.id, tier.id, 2, new Date(Date.now() + 10 * 60_000));

    const raised = await setCapacity(tier.id, { capacity: 25, note: "Second room opened" });
    expect(raised.status).toBe(200);
    expect(await raised.json()).toMatchObject({ capacity: 25, sold: 3, held: 2, remaining: 20 });

    const below = await setCapacity(tier.id, { capacity: 4, note: "Fire marshal" });
    expect(below.status).toBe(422);
    const problem = (await below.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors[0]).toMatchObject({ field: "capacity" });
    expect(problem.errors[0]?.message).toMatch(/at least 5: 3 tickets are sold and 2 held/);

    const lowered = await setCapacity(tier.id, { capacity: 5, note: "Fire marshal" });
    expect(lowered.status).toBe(200);
    const after = await db.tier.findUniqueOrThrow({ where: { id: tier.id } });
    expect(after).toMatchObject({ capacity: 5, maxPerOrder: 5 });
    expect((await getAvailability(db, event.id)).tiers[0]?.remaining).toBe(0);

    const audits = await db.auditLog.findMany({
      where: { action: "tickets.tier.capacity_overridden", entityId: tier.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.data)).toMatchObject([
      { oldCapacity: 10, newCapacity: 25, note: "Second room opened", sold: 3, held: 2 },
      { oldCapacity: 25, newCapacity: 5, note: "Fire marshal" },
    ]);
    expect(audits[0]).toMatchObject({
      organizerId: organizer.id,
      actorUserId: admin.userId,
      actorType: "admin",
    });
  });

  it("422 without a note (or a blank one) or a bad capacity; 404 for non-admins and unknown tiers", async () => {
    const { tier, owner } = await onSaleTier(10);
    for (const body of [{ capacity: 20 }, { capacity: 20, note: "   " }]) {
      const response = await setCapacity(tier.id, body);
      expect(response.status).toBe(422);
      expect(await fields(response)).toEqual(["note"]);
    }
    const zero = await setCapacity(tier.id, { capacity: 0, note: "x" });
    expect(zero.status).toBe(422);
    expect(await fields(zero)).toEqual(["capacity"]);
    expect((await setCapacity("nope", { capacity: 20, note: "x" })).status).toBe(404);
    expect((await setCapacity(tier.id, { capacity: 20, note: "x" }, owner.cookie)).status).toBe(404);
    expect((await setCapacity(tier.id, { capacity: 20, note: "x" }, "")).status).toBe(404);
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).capacity).toBe(10);
    expect(await db.auditLog.count({ where: { action: "tickets.tier.capacity_overridden" } })).toBe(0);
  });
});

describe.skipIf(onEmbeddedDatabase())(
  "capacity override under concurrency (needs a PostgreSQL server)",
  () => {
    /** A checkout's transaction that has taken its holds and not yet committed; `commit()` lets it finish. */
    async function holdOpen(eventId: string, tierId: string, quantity: number) {
      let commit = () => {};
      const gate = new Promise<void>((resolve) => (commit = resolve));
      let held = () => {};
      const taken = new Promise<void>((resolve) => (held = resolve));
      const done = db.$transaction(
        async (tx) => {
          const order = await tx.order.create({
            data: {
              organizerId: (await tx.event.findUniqueOrThrow({ where: { id: eventId } })).organizerId,
              eventId,
              buyerEmail: "fan@example.test",
              buyerName: "Fan",
              currency: "cad",
              subtotalMinor: 0,
              totalMinor: 0,
              accessTokenHash: `hash-${Math.random()}`,
            },
          });
          await takeHolds(tx, {
            eventId,
            orderId: order.id,
            lines: [{ tierId, quantity }],
            payWithinMs: 600_000,
          });
          held();
          await gate;
        },
        { timeout: 20_000 },
      );
      await taken;
      return { commit, done };
    }

    it("lowering waits for a checkout holding the lock and then refuses; the control without the lock goes below what is taken", async () => {
      const { event, tier } = await onSaleTier(10);
      const checkout = await holdOpen(event.id, tier.id, 3);
      const lowering = overrideTierCapacity(
        tier.id,
        { capacity: 1, note: "smaller room" },
        { actorUserId: admin.userId },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      checkout.commit();
      await checkout.done;
      await expect(lowering).rejects.toMatchObject({ code: "validation" });
      expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).capacity).toBe(10);

      const control = await onSaleTier(10);
      const open = await holdOpen(control.event.id, control.tier.id, 3);
      await overrideTierCapacity(
        control.tier.id,
        { capacity: 1, note: "smaller room" },
        { actorUserId: admin.userId, unsafeSkipLocks: true },
      );
      open.commit();
      await open.done;
      const after = (await getAvailability(db, control.event.id)).tiers[0];
      expect(after?.capacity).toBe(1);
      expect((after?.sold ?? 0) + (after?.held ?? 0)).toBe(3);
    });
  },
);

describe("comps: POST /api/tickets/admin/events/:id/comps", () => {
  it("issues a paid zero-amount comp order with tickets and the confirmation email, marked comp everywhere", async () => {
    const { event, tier, organizer } = await onSaleTier(10);
    const response = await comp(event.id, {
      tierId: tier.id,
      quantity: 2,
      recipientName: "Press Person",
      recipientEmail: "Press@Example.test",
      note: "Review for the Gazette",
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { orderId: string; ticketIds: string[]; passesUrl: string };
    expect(created.ticketIds).toHaveLength(2);

    const order = await db.order.findUniqueOrThrow({
      where: { id: created.orderId },
      include: { tickets: true, holds: true, items: true },
    });
    expect(order).toMatchObject({
      channel: "comp",
      status: "paid",
      buyerEmail: "press@example.test",
      subtotalMinor: 0,
      feeMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      applicationFeeMinor: 0,
      stripeCheckoutSessionId: null,
      stripePaymentIntentId: null,
      stripeAccountId: null,
    });
    expect(order.paidAt).not.toBeNull();
    expect(order.tickets.map((t) => t.status)).toEqual(["valid", "valid"]);
    expect(order.holds.every((h) => h.convertedAt !== null)).toBe(true);
    expect(order.items).toMatchObject([{ tierId: tier.id, quantity: 2, unitPriceMinor: 0, totalMinor: 0 }]);
    expect(await db.emailOutbox.count({ where: { orderId: order.id, template: "order-confirmation" } })).toBe(
      1,
    );
    expect((await getAvailability(db, event.id)).tiers[0]).toMatchObject({ sold: 2, remaining: 8 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tickets.order.comp_created" } });
    expect(audit).toMatchObject({ organizerId: organizer.id, entityId: order.id, actorType: "admin" });
    expect(audit.data).toMatchObject({ note: "Review for the Gazette", quantity: 2, tierId: tier.id });

    // Marked comp in the organizer's list and detail, and on the recipient's passes page.
    const page = await listOrganizerOrders(organizer.id, orderListQuerySchema.parse({}));
    expect(page.orders.find((o) => o.id === order.id)?.channel).toBe("comp");
    expect((await getOrganizerOrder(organizer.id, order.id)).channel).toBe("comp");
    const token = new URL(created.passesUrl).searchParams.get("token");
    expect((await getOrderForBuyer(order.id, token))?.summary.channel).toBe("comp");
  });

  it("counts comps against capacity: never past it, and checkout sees the seats gone", async () => {
    const { event, tier } = await onSaleTier(3);
    await sellTickets(event.id, tier.id, 1);
    const body = { tierId: tier.id, recipientName: "Guest", recipientEmail: "guest@example.test", note: "x" };
    const tooMany = await comp(event.id, { ...body, quantity: 3 });
    expect(tooMany.status).toBe(409);
    expect(((await tooMany.json()) as { detail: string }).detail).toMatch(/Only 2 .* left/);
    expect(await db.order.count({ where: { channel: "comp" } })).toBe(0);
    expect((await comp(event.id, { ...body, quantity: 2 })).status).toBe(201);
    await expect(
      createCheckoutSession({
        eventId: event.id,
        items: [{ tierId: tier.id, quantity: 1 }],
        buyer: { email: "fan@example.test", name: "Fan" },
      }),
    ).rejects.toMatchObject({ code: "sold_out" });
  });

  it("422 naming the field (no note, bad quantity, bad email), 404 for a tier of another event and for non-admins", async () => {
    const { event, tier, owner } = await onSaleTier(10);
    const other = await onSaleTier(10);
    const body = {
      tierId: tier.id,
      quantity: 1,
      recipientName: "Guest",
      recipientEmail: "guest@example.test",
      note: "Artist guest list",
    };
    const noNote = { ...body, note: undefined };
    for (const [bad, field] of [
      [noNote, "note"],
      [{ ...body, note: " " }, "note"],
      [{ ...body, quantity: 0 }, "quantity"],
      [{ ...body, recipientEmail: "nope" }, "recipientEmail"],
      [{ ...body, recipientName: "" }, "recipientName"],
    ] as const) {
      const response = await comp(event.id, bad);
      expect(response.status, field).toBe(422);
      expect(await fields(response)).toEqual([field]);
    }
    expect((await comp(event.id, { ...body, tierId: other.tier.id })).status).toBe(404);
    expect((await comp("nope", body)).status).toBe(404);
    expect((await comp(event.id, body, owner.cookie)).status).toBe(404);
    expect((await comp(event.id, body, "")).status).toBe(404);
    await db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    expect((await comp(event.id, body)).status).toBe(409);
    expect(await db.order.count()).toBe(0);
  });

  it("refunding a comp is a 422 for the organizer and for an admin: nothing was paid", async () => {
    const { event, tier, owner } = await onSaleTier(10);
    const { orderId } = await createCompOrder(
      event.id,
      { tierId: tier.id, quantity: 1, recipientName: "G", recipientEmail: "g@example.test", note: "x" },
      { actorUserId: admin.userId },
    );
    const byOrganizer = await organizerRefund(
      apiRequest(`/api/tickets/orders/${orderId}/refund`, { cookie: owner.cookie, body: { reason: "x" } }),
      routeContext({ id: orderId }),
    );
    expect(byOrganizer.status).toBe(422);
    expect(((await byOrganizer.json()) as { detail: string }).detail).toMatch(/comp order: nothing was paid/);
    const byAdmin = await refundAsAdmin(orderId, { reason: "x", adminOverrideNote: "y" });
    expect(byAdmin.status).toBe(422);
    expect(await db.refund.count()).toBe(0);
  });
});

describe.skipIf(onEmbeddedDatabase())("comps under concurrency (needs a PostgreSQL server)", () => {
  it("twelve comps of one seat at once on a 5-seat tier: exactly 5 issued; the control without locks oversells", async () => {
    const { event, tier } = await onSaleTier(5);
    const body = (i: number) => ({
      tierId: tier.id,
      quantity: 1,
      recipientName: `Guest ${i}`,
      recipientEmail: `guest${i}@example.test`,
      note: "guest list",
    });
    const settled = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => createCompOrder(event.id, body(i), { actorUserId: admin.userId })),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
    expect(await db.ticket.count({ where: { tierId: tier.id, status: "valid" } })).toBe(5);

    const control = await onSaleTier(5);
    await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        createCompOrder(
          control.event.id,
          { ...body(i), tierId: control.tier.id },
          {
            actorUserId: admin.userId,
            unsafeSkipLocks: true,
          },
        ),
      ),
    );
    expect(await db.ticket.count({ where: { tierId: control.tier.id, status: "valid" } })).toBeGreaterThan(5);
  }, 60_000);
});

describe("refund override past the deadline: POST /api/tickets/admin/orders/:id/refund", () => {
  it("the organizer is refused past the deadline; an admin needs a note and is split as normal", async () => {
    const { event, ga, owner, organizer } = await setUpRefundEvent({
      allowRefundsUntil: new Date(Date.now() - 60_000),
    });
    const order = await createPaidOrder(event.id, [{ tierId: ga.id, quantity: 2 }]);
    const late = await organizerRefund(
      apiRequest(`/api/tickets/orders/${order.id}/refund`, {
        cookie: owner.cookie,
        body: { reason: "late" },
      }),
      routeContext({ id: order.id }),
    );
    expect(late.status).toBe(409);

    for (const note of [undefined, "  "]) {
      const noNote = await refundAsAdmin(order.id, { reason: "Hospital", adminOverrideNote: note });
      expect(noNote.status).toBe(422);
      expect(await fields(noNote)).toContain("adminOverrideNote");
    }
    expect(
      (await refundAsAdmin(order.id, { reason: "x", adminOverrideNote: "y" }, owner.cookie)).status,
    ).toBe(404);
    expect((await refundAsAdmin(order.id, { reason: "x", adminOverrideNote: "y" }, "")).status).toBe(404);
    expect(await db.refund.count()).toBe(0);

    const response = await refundAsAdmin(order.id, {
      reason: "Buyer was in hospital",
      adminOverrideNote: "Support ticket 442",
    });
    expect(response.status).toBe(202);
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    // Split as any whole-order refund: the whole charge back, the platform's whole fee from the platform.
    expect(refund).toMatchObject({
      amountMinor: order.totalMinor,
      applicationFeeMinor: order.applicationFeeMinor,
      adminOverride: "Support ticket 442",
      requestedById: admin.userId,
    });
    await runJobs({ includeRetries: true });
    await runJobs({ includeRetries: true });
    await expectRefundedState(order.id, {
      ticketIds: order.tickets.map((t) => t.id),
      amountMinor: order.totalMinor,
      status: "refunded",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "tickets.refund.requested_with_admin_override", entityId: order.id },
    });
    expect(audit.data).toMatchObject({ adminOverrideNote: "Support ticket 442", source: "admin" });
    // The organizer's order page shows the note; the admin's order view (GET) too, to admins only.
    const seen = await getOrganizerOrder(organizer.id, order.id);
    expect(seen.refunds[0]?.adminOverride).toBe("Support ticket 442");
    const view = (cookie: string, id = order.id) =>
      getAdminOrderRoute(apiRequest(`/api/tickets/admin/orders/${id}`, { cookie }), routeContext({ id }));
    const asAdmin = await view(admin.cookie);
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toMatchObject({
      id: order.id,
      channel: "online",
      status: "refunded",
      refunds: [{ adminOverride: "Support ticket 442" }],
    });
    expect((await view(owner.cookie)).status).toBe(404);
    expect((await view("")).status).toBe(404);
    expect((await view(admin.cookie, "nope")).status).toBe(404);
  });
});
