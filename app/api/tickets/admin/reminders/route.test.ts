import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, createUserWithSession } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { EVENT_REMINDER_TEMPLATE } from "@/lib/reminders/send-order-reminder";
import { resetDatabase } from "@/lib/testing/db";
import {
  createEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier,
  hoursFromNow,
} from "@/lib/testing/factories";
import { POST } from "./route";

const run = (cookie?: string) =>
  POST(apiRequest("/api/tickets/admin/reminders", { method: "POST", cookie }), {
    params: Promise.resolve({}),
  });

describe("POST /api/tickets/admin/reminders", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.stubEnv("ADMIN_EMAILS", "root@platform.example");
    loadEnv();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("sends the due reminders once however often an admin runs it, and audits each run", async () => {
    const { organizer } = await createOrganizerWithOwner();
    const soon = await createEvent(organizer.id, {
      status: "published",
      startsAt: hoursFromNow(20),
      endsAt: hoursFromNow(23),
    });
    const later = await createEvent(organizer.id, {
      status: "published",
      startsAt: hoursFromNow(72),
      endsAt: hoursFromNow(75),
    });
    const order = await createOrder(soon.id, { tierId: (await createTier(soon.id)).id, quantity: 2 });
    await createOrder(later.id, { tierId: (await createTier(later.id)).id, quantity: 1 });
    const admin = await createUserWithSession("root@platform.example");

    const first = await run(admin.cookie);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ sent: 1, errors: [] });
    expect(await (await run(admin.cookie)).json()).toEqual({ sent: 0, errors: [] });

    const sent = await db.emailOutbox.findMany({ where: { template: EVENT_REMINDER_TEMPLATE } });
    expect(sent.map((m) => m.orderId)).toEqual([order.id]);
    expect(
      await db.auditLog.count({ where: { action: "tickets.reminders.run", actorUserId: admin.userId } }),
    ).toBe(2);
  });

  it("is a 404 for anyone but a platform admin, and sends nothing", async () => {
    const { organizer, owner } = await createOrganizerWithOwner();
    const soon = await createEvent(organizer.id, {
      status: "published",
      startsAt: hoursFromNow(20),
      endsAt: hoursFromNow(23),
    });
    await createOrder(soon.id, { tierId: (await createTier(soon.id)).id, quantity: 1 });
    expect((await run()).status).toBe(404);
    expect((await run(owner.cookie)).status).toBe(404);
    expect(await db.emailOutbox.count({ where: { template: EVENT_REMINDER_TEMPLATE } })).toBe(0);
  });
});
