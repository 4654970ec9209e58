// The order timeline (issue 14 §3) and the admin audit log (§5): what each reads from tickets_audit_log.
import { beforeEach, describe, expect, it } from "vitest";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import { getOrderTimeline } from "@/lib/audit/get-order-timeline";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { recordAudit } from "@/lib/audit/record-audit";
import { createUserWithSession } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/db";
import {
  createOnSaleEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier,
} from "@/lib/testing/factories";

async function paidOrder() {
  const { organizer, owner } = await createOrganizerWithOwner();
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id);
  const order = await createOrder(event.id, { tierId: tier.id, quantity: 2 });
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, select: { id: true } });
  return { organizer, owner, order, tickets };
}

const at = (iso: string) => new Date(iso);

describe("order timeline", () => {
  beforeEach(resetDatabase);

  it("shows the order's, its tickets' and its refunds' entries, oldest first, labelled; never another tenant's", async () => {
    const a = await paidOrder();
    const b = await paidOrder();
    const entry = (
      organizerId: string,
      action: string,
      entityType: string,
      entityId: string,
      createdAt: string,
    ) =>
      db.auditLog.create({
        data: { organizerId, actorType: "stripe", action, entityType, entityId, createdAt: at(createdAt) },
      });
    await entry(a.organizer.id, "tickets.order.paid", "order", a.order.id, "2030-01-01T10:00:00Z");
    await recordAudit(db, {
      organizerId: a.organizer.id,
      actorUserId: a.owner.userId,
      actorType: "user",
      action: "order.access_link_rotated",
      entityType: "order",
      entityId: a.order.id,
    });
    await entry(
      a.organizer.id,
      "tickets.ticket.checked_in",
      "ticket",
      a.tickets[0]!.id,
      "2030-01-02T10:00:00Z",
    );
    // Another order of the same organizer, and an entry naming A's order under another organizer: left out.
    await entry(b.organizer.id, "tickets.order.paid", "order", b.order.id, "2030-01-01T11:00:00Z");
    await entry(b.organizer.id, "tickets.order.expired", "order", a.order.id, "2030-01-01T12:00:00Z");

    const timeline = await getOrderTimeline(a.organizer.id, a.order.id);
    // The rotation was recorded now; the others are dated 2030.
    expect(timeline.map((e) => [e.action, e.label, e.actor])).toEqual([
      ["tickets.order.access_link_rotated", "Buyer's link replaced", `owner@${a.organizer.slug}.example`],
      ["tickets.order.paid", "Paid", "Stripe"],
      ["tickets.ticket.checked_in", "Ticket checked in", "Stripe"],
    ]);
    const refused = await getOrderTimeline(b.organizer.id, a.order.id).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("not_found");
  });

  it("spells out an action it has no label for", () => {
    expect(auditActionLabel("tickets.comp.order_created")).toBe("Comp: order created");
    expect(auditActionLabel("tickets.order.paid")).toBe("Paid");
  });
});

describe("admin audit log", () => {
  beforeEach(resetDatabase);

  it("filters by actor email, id or type, action prefix, target and UTC days; pages without gaps", async () => {
    const { organizer, order } = await paidOrder();
    const admin = await createUserWithSession("admin@stagedoor.test");
    for (let i = 0; i < 60; i++) {
      await db.auditLog.create({
        data: {
          organizerId: organizer.id,
          actorType: "system",
          action: "tickets.order.reminded",
          entityType: "order",
          entityId: order.id,
          createdAt: at(`2030-03-0${1 + (i % 3)}T12:00:${String(i).padStart(2, "0")}Z`),
        },
      });
    }
    await recordAudit(db, {
      organizerId: organizer.id,
      actorUserId: admin.userId,
      actorType: "admin",
      action: "organizer.suspended",
      entityType: "organizer",
      entityId: organizer.id,
    });
    const ids = async (input: Record<string, string>) =>
      (await listAuditEntries(input)).entries.map((e) => e.action);

    expect(await ids({ actor: "Admin@Stagedoor.test" })).toEqual(["tickets.organizer.suspended"]);
    expect(await ids({ actor: admin.userId })).toEqual(["tickets.organizer.suspended"]);
    expect(await ids({ actor: "admin" })).toEqual(["tickets.organizer.suspended"]);
    expect(await ids({ action: "tickets.organizer." })).toEqual(["tickets.organizer.suspended"]);
    expect(await ids({ entityType: "organizer", entityId: organizer.id })).toHaveLength(1);
    expect(await ids({ action: "tickets.order.", from: "2030-03-02", to: "2030-03-02" })).toHaveLength(20);

    const first = await listAuditEntries({ action: "tickets.order." });
    expect(first.entries).toHaveLength(50);
    const second = await listAuditEntries({ action: "tickets.order.", cursor: first.nextCursor ?? "" });
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(60);

    for (const bad of [
      { from: "03/02/2030" },
      { from: "2030-03-02", to: "2030-03-01" },
      { cursor: "nope" },
    ]) {
      const error = await listAuditEntries(bad).catch((e: unknown) => e);
      expect(isAppError(error) && error.code, JSON.stringify(bad)).toBe("validation");
    }
  });
});
