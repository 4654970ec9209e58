import { beforeEach, describe, expect, it } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { orderReference } from "@/lib/orders/order-summary";
import { insertListOrders } from "@/lib/refunds/order-list-testing";
import { resetDatabase } from "@/lib/testing/db";
import { problem } from "@/lib/testing/errors";
import { addMember, createEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { GET } from "./route";

interface PageJson {
  orders: { id: string; buyerName: string; event: { title: string; timezone: string }; createdAt: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
  timeZone: string;
}

const get = (query: string, cookie?: string) =>
  GET(apiRequest(`/api/tickets/orders${query}`, { cookie }), routeContext());

async function setUp() {
  const { organizer, owner } = await createOrganizerWithOwner();
  const event = await createEvent(organizer.id, { title: "Toronto Night", timezone: "America/Toronto" });
  const tier = await createTier(event.id);
  const made = await insertListOrders(
    organizer.id,
    ["Ana Lima", "Bob Stone", "Cy Twombly"].map((buyerName, i) => ({
      eventId: event.id,
      tierId: tier.id,
      buyerName,
      createdAt: new Date(Date.UTC(2026, 11, 1, 12, i)),
    })),
  );
  return { organizer, owner, event, tier, made };
}

describe("GET /api/tickets/orders", () => {
  beforeEach(resetDatabase);

  it("answers one page of the organizer's orders with cursors and the zone", async () => {
    const { owner, made } = await setUp();
    const response = await get("?limit=2", owner.cookie);
    expect(response.status).toBe(200);
    const first = (await response.json()) as PageJson;
    expect(first.orders.map((o) => o.buyerName)).toEqual(["Cy Twombly", "Bob Stone"]);
    expect(first.orders[0]?.event).toMatchObject({ title: "Toronto Night", timezone: "America/Toronto" });
    expect(first.prevCursor).toBeNull();
    expect(first.timeZone).toBe("America/Vancouver");

    const second = (await (
      await get(`?limit=2&cursor=${first.nextCursor}`, owner.cookie)
    ).json()) as PageJson;
    expect(second.orders.map((o) => o.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();

    const found = (await (await get(`?q=${orderReference(made[1]!)}`, owner.cookie)).json()) as PageJson;
    expect(found.orders.map((o) => o.buyerName)).toEqual(["Bob Stone"]);
  });

  it("answers 422 problem+json for bad input", async () => {
    const { owner, event } = await setUp();
    const cases: [string, string][] = [
      ["?from=2026-12-02&to=2026-12-01", "to"],
      [`?eventId=${event.id}&from=2026-12-01T10:00:00Z&to=2026-12-01T09:00:00Z`, "to"],
      ["?from=2026-02-30", "from"],
      ["?cursor=bogus", "cursor"],
      [`?cursor=${Buffer.from("a|2026-12-01T00:00:00.000Z|x y").toString("base64url")}`, "cursor"],
      ["?status=lost", "status.0"],
      ["?limit=0", "limit"],
      ["?limit=500", "limit"],
    ];
    for (const [query, field] of cases) {
      const response = await get(query, owner.cookie);
      expect(response.status, query).toBe(422);
      expect(
        (await problem(response)).errors?.map((e) => e.field),
        query,
      ).toEqual([field]);
    }
  });

  it("needs a signed-in owner or manager, and shows only that organizer's orders", async () => {
    const { organizer, made } = await setUp();
    expect((await get("")).status).toBe(401);
    const scanner = await addMember(organizer.id, "door@example.test", "scanner");
    expect((await get("", scanner.cookie)).status).toBe(403);
    const manager = await addMember(organizer.id, "boss@example.test", "manager");
    expect((await get("", manager.cookie)).status).toBe(200);

    const other = await createOrganizerWithOwner();
    const page = (await (await get(`?q=${orderReference(made[0]!)}`, other.owner.cookie)).json()) as PageJson;
    expect(page.orders).toEqual([]);
  });
});
