import { beforeEach, describe, expect, it } from "vitest";
import * as eventTiersRoute from "@/app/api/tickets/events/[id]/tiers/route";
import * as tierOrderRoute from "@/app/api/tickets/events/[id]/tiers/order/route";
import * as tierRoute from "@/app/api/tickets/tiers/[id]/route";
import { apiRequest, routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";
import { problem } from "@/lib/testing/errors";
import {
  addMember,
  createEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier,
} from "@/lib/testing/factories";

async function setup() {
  const { organizer, owner } = await createOrganizerWithOwner("the-loft");
  const manager = await addMember(organizer.id, "manager@the-loft.example", "manager");
  const event = await createEvent(organizer.id);
  const post = (body: unknown, cookie = manager.cookie) =>
    eventTiersRoute.POST(
      apiRequest(`/api/tickets/events/${event.id}/tiers`, { body, cookie }),
      routeContext({ id: event.id }),
    );
  const patch = (id: string, body: unknown, cookie = manager.cookie) =>
    tierRoute.PATCH(
      apiRequest(`/api/tickets/tiers/${id}`, { method: "PATCH", body, cookie }),
      routeContext({ id }),
    );
  const del = (id: string, cookie = manager.cookie) =>
    tierRoute.DELETE(
      apiRequest(`/api/tickets/tiers/${id}`, { method: "DELETE", cookie }),
      routeContext({ id }),
    );
  return { organizer, owner, manager, event, post, patch, del };
}

const valid = { name: "General admission", priceMinor: 2500, capacity: 100, maxPerOrder: 8 };

describe("tier routes", () => {
  beforeEach(resetDatabase);

  it("POST creates a tier (201) that GET then lists with its inventory", async () => {
    const { manager, event, post } = await setup();
    const created = await post({ ...valid, salesStartAt: "2030-05-01T17:00:00Z", visibility: "hidden" });
    expect(created.status).toBe(201);
    const tier = (await created.json()) as { id: string; salesStartAt: string; currency: string };
    expect(tier).toMatchObject({ currency: "cad", salesStartAt: "2030-05-01T17:00:00.000Z", sold: 0 });
    await createOrder(event.id, { tierId: tier.id, quantity: 3 });

    const listed = await eventTiersRoute.GET(
      apiRequest(`/api/tickets/events/${event.id}/tiers`, { cookie: manager.cookie }),
      routeContext({ id: event.id }),
    );
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { event: { currency: string; timezone: string }; tiers: unknown[] };
    expect(body.event).toMatchObject({ currency: "cad", timezone: "America/Vancouver" });
    expect(body.tiers).toEqual([
      expect.objectContaining({ id: tier.id, name: "General admission", sold: 3, held: 0, remaining: 97 }),
    ]);
  });

  it("POST refuses each bad input with 422 problem+json naming the field", async () => {
    const { post, manager, event } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ priceMinor: -100 }, "priceMinor"],
      [{ priceMinor: 25.5 }, "priceMinor"],
      [{ currency: "usd" }, "currency"],
      [{ capacity: 0 }, "capacity"],
      [{ maxPerOrder: 51 }, "maxPerOrder"],
      [{ capacity: 4, maxPerOrder: 5 }, "maxPerOrder"],
      [{ salesStartAt: "2030-05-02T00:00:00Z", salesEndAt: "2030-05-01T00:00:00Z" }, "salesEndAt"],
      [{ name: "" }, "name"],
    ];
    for (const [override, field] of cases) {
      const response = await post({ ...valid, ...override });
      expect(response.status, JSON.stringify(override)).toBe(422);
      expect(
        (await problem(response)).errors?.map((e) => e.field),
        JSON.stringify(override),
      ).toEqual([field]);
    }
    const malformed = await eventTiersRoute.POST(
      new Request(`http://localhost:3000/api/tickets/events/${event.id}/tiers`, {
        method: "POST",
        headers: { cookie: manager.cookie, "content-type": "application/json", origin: TEST_ORIGIN },
        body: "{not json",
      }),
      routeContext({ id: event.id }),
    );
    expect(malformed.status).toBe(422);
    expect(await db.tier.count()).toBe(0);
  });

  it("PATCH refuses capacity below what is sold (422 saying how many), allows hiding a tier with sales", async () => {
    const { event, patch } = await setup();
    const tier = await createTier(event.id, { capacity: 100 });
    await createOrder(event.id, { tierId: tier.id, quantity: 10 });

    const tooSmall = await patch(tier.id, { capacity: 9 });
    expect(tooSmall.status).toBe(422);
    const body = await problem(tooSmall);
    expect(body.errors?.[0]?.field).toBe("capacity");
    expect(body.errors?.[0]?.message).toContain("10 tickets are already sold");

    for (const [bad, field] of [
      [{ priceMinor: -1 }, "priceMinor"],
      [{ priceMinor: 0.5 }, "priceMinor"],
      [{ currency: "eur" }, "currency"],
    ] as const) {
      const response = await patch(tier.id, bad);
      expect(response.status).toBe(422);
      expect((await problem(response)).errors?.map((e) => e.field)).toEqual([field]);
    }

    const hidden = await patch(tier.id, { visibility: "hidden" });
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toMatchObject({ visibility: "hidden", sold: 10, capacity: 100 });
    expect((await db.tier.findUniqueOrThrow({ where: { id: tier.id } })).visibility).toBe("hidden");
  });

  it("DELETE refuses a tier with sales (409 with the reason) and deletes an unsold one (204)", async () => {
    const { event, del } = await setup();
    const sold = await createTier(event.id, { name: "GA" });
    const unsold = await createTier(event.id, { name: "VIP" });
    await createOrder(event.id, { tierId: sold.id, quantity: 1 });

    const refused = await del(sold.id);
    expect(refused.status).toBe(409);
    expect((await problem(refused)).detail).toBe("This tier has sales (1 ticket); hide it instead.");
    expect(await db.tier.count({ where: { id: sold.id } })).toBe(1);

    const deleted = await del(unsold.id);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect(await db.tier.count({ where: { id: unsold.id } })).toBe(0);
    expect((await del(unsold.id)).status).toBe(404);
  });

  it("409 on any change once the event is cancelled", async () => {
    const { event, post, patch, del } = await setup();
    const tier = await createTier(event.id);
    await db.event.update({ where: { id: event.id }, data: { status: "cancelled" } });
    expect((await post(valid)).status).toBe(409);
    expect((await patch(tier.id, { visibility: "hidden" })).status).toBe(409);
    expect((await del(tier.id)).status).toBe(409);
  });

  it("PUT /order reorders the tiers", async () => {
    const { manager, event } = await setup();
    const a = await createTier(event.id, { name: "A", sortOrder: 0 });
    const b = await createTier(event.id, { name: "B", sortOrder: 1 });
    const put = (tierIds: string[]) =>
      tierOrderRoute.PUT(
        apiRequest(`/api/tickets/events/${event.id}/tiers/order`, {
          method: "PUT",
          body: { tierIds },
          cookie: manager.cookie,
        }),
        routeContext({ id: event.id }),
      );
    const response = await put([b.id, a.id]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tiers: { name: string }[] };
    expect(body.tiers.map((t) => t.name)).toEqual(["B", "A"]);
    const stale = await put([b.id]);
    expect(stale.status).toBe(422);
    expect((await problem(stale)).errors?.[0]?.field).toBe("tierIds");
  });
});
