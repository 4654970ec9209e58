// The request input layer: NUL characters, unsafe integers and out-of-range dates are a 422 naming the field
// on every kind of input (body, query, path), before anything reaches PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import * as syncRoute from "@/app/api/tickets/checkin/sync/route";
import * as checkoutRoute from "@/app/api/tickets/checkout/session/route";
import * as tiersRoute from "@/app/api/tickets/events/[id]/tiers/route";
import * as publicRoute from "@/app/api/tickets/events/public/route";
import * as eventsRoute from "@/app/api/tickets/events/route";
import * as orderRoute from "@/app/api/tickets/orders/[id]/route";
import * as validateRoute from "@/app/api/tickets/tickets/validate/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { createCheckinWorld, createTestDevice, deviceRequest } from "@/lib/checkin/testing";
import { encodeSyncCursor } from "@/lib/checkin/sync-cursor";
import { db } from "@/lib/db";
import { eventFormInput } from "@/lib/events/testing";
import { assertSafeInput, isStorableDate, MAX_INPUT_DEPTH } from "@/lib/http/input";
import { resetDatabase } from "@/lib/testing/db";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

async function refusedFields(response: Response): Promise<string[]> {
  expect(response.status).toBe(422);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { errors?: { field: string }[] };
  return (body.errors ?? []).map((e) => e.field);
}

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { fields?: { field: string }[] }).fields?.[0]?.field;
  }
  return undefined;
}

describe("assertSafeInput", () => {
  it("names the first NUL in a string or key, an unsafe integer, or too deep a nesting", () => {
    expect(fieldOf(() => assertSafeInput({ buyer: { name: "a\u0000" } }))).toBe("buyer.name");
    expect(fieldOf(() => assertSafeInput({ scans: [{ nonce: "ok" }, { nonce: "\u0000" }] }))).toBe(
      "scans.1.nonce",
    );
    expect(fieldOf(() => assertSafeInput({ "a\u0000": 1 }))).toBe("a\\u0000");
    expect(fieldOf(() => assertSafeInput({ quantity: 2 ** 53 }))).toBe("quantity");
    expect(fieldOf(() => assertSafeInput("\u0000"))).toBe("body");
    let deep: unknown = "leaf";
    for (let i = 0; i < MAX_INPUT_DEPTH + 1; i += 1) deep = [deep];
    expect(fieldOf(() => assertSafeInput(deep))).toMatch(/^0(\.0)+$/);
  });

  it("lets ordinary input through", () => {
    expect(
      fieldOf(() =>
        assertSafeInput({
          title: "Ünïcode 🎸",
          price: 2500,
          ratio: 0.5,
          big: Number.MAX_SAFE_INTEGER,
          list: [null, true],
        }),
      ),
    ).toBeUndefined();
  });

  it("isStorableDate keeps years 1–9999", () => {
    expect(isStorableDate(new Date("0001-01-01T00:00:00Z"))).toBe(true);
    expect(isStorableDate(new Date("9999-12-31T23:59:59Z"))).toBe(true);
    expect(isStorableDate(new Date("0000-12-31T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date("+010000-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date("nope"))).toBe(false);
  });
});

describe("route input (422 naming the field, nothing written)", () => {
  beforeEach(resetDatabase);

  it("refuses NUL in a query value, a path parameter and a nested body field", async () => {
    expect(
      await refusedFields(
        await publicRoute.GET(apiRequest("/api/tickets/events/public?city=%00"), routeContext()),
      ),
    ).toEqual(["city"]);
    expect(
      await refusedFields(
        await orderRoute.GET(apiRequest("/api/tickets/orders/%00?token=x"), routeContext({ id: "\u0000" })),
      ),
    ).toEqual(["id"]);

    const { organizer } = await createOrganizerWithOwner("nul-loft", { chargesEnabled: true });
    const event = await createOnSaleEvent(organizer.id);
    const tier = await createTier(event.id);
    const checkout = await checkoutRoute.POST(
      apiRequest("/api/tickets/checkout/session", {
        body: {
          eventId: event.id,
          items: [{ tierId: tier.id, quantity: 1 }],
          buyer: { email: "fan@example.com", name: "Fan\u0000" },
        },
      }),
      routeContext(),
    );
    expect(await refusedFields(checkout)).toEqual(["buyer.name"]);
    expect(await db.order.count()).toBe(0);
    expect(await db.hold.count()).toBe(0);
  });

  it("refuses years 0000 and 10000 in event times and tier sale windows", async () => {
    const { owner, organizer } = await createOrganizerWithOwner("year-loft");
    for (const startsAt of ["0000-06-01T20:00", "10000-06-01T20:00"]) {
      const res = await eventsRoute.POST(
        apiRequest("/api/tickets/events", { cookie: owner.cookie, body: eventFormInput({ startsAt }) }),
        routeContext(),
      );
      expect(await refusedFields(res)).toContain("startsAt");
    }
    const event = await createOnSaleEvent(organizer.id);
    const res = await tiersRoute.POST(
      apiRequest(`/api/tickets/events/${event.id}/tiers`, {
        cookie: owner.cookie,
        body: { name: "Early", priceMinor: 1000, capacity: 10, salesStartAt: "0000-01-01T00:00:00Z" },
      }),
      routeContext({ id: event.id }),
    );
    expect(await refusedFields(res)).toContain("salesStartAt");
    expect(await db.event.count()).toBe(1);
    expect(await db.tier.count()).toBe(0);
  });

  it("refuses a scan nonce with NUL and a scan time in year 0000; a cursor past bigint is a fresh snapshot", async () => {
    const { owner, organizer, event } = await createCheckinWorld("scan-loft");
    const device = await createTestDevice(organizer.id, event.id, owner.userId, "Door 1");
    const live = await validateRoute.POST(
      deviceRequest("/api/tickets/tickets/validate", device.token, {
        code: "x",
        nonce: "nonce-\u0000-1",
        scannedAt: new Date().toISOString(),
      }),
      routeContext(),
    );
    expect(await refusedFields(live)).toEqual(["nonce"]);
    const upload = await syncRoute.POST(
      deviceRequest("/api/tickets/checkin/sync", device.token, {
        scans: [{ code: "x", nonce: "nonce-00001", scannedAt: "0000-01-01T00:00:00Z" }],
      }),
      routeContext(),
    );
    expect(await refusedFields(upload)).toContain("scans.0.scannedAt");
    expect(await db.checkin.count()).toBe(0);

    const now = new Date().toISOString();
    for (const cursor of [
      encodeSyncCursor({ v: 2, s: null, u: now, a: null, r: "99999999999999999999999" }),
      encodeSyncCursor({ v: 2, s: "0000-01-01T00:00:00Z", u: now, a: null, r: "0" }),
      encodeSyncCursor({ v: 2, s: null, u: now, a: "\u0000", r: "0" }),
    ]) {
      const res = await syncRoute.GET(
        deviceRequest(`/api/tickets/checkin/sync?format=2&cursor=${cursor}`, device.token),
        routeContext(),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ full: true });
    }
  });
});
