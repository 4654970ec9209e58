import { beforeEach, describe, expect, it } from "vitest";
import { orderReference } from "@/lib/orders/order-summary";
import { listOrganizerOrders } from "@/lib/refunds/list-organizer-orders";
import { orderListQuerySchema } from "@/lib/refunds/order-list-query";
import { insertListOrders, orderIdEndingIn } from "@/lib/refunds/order-list-testing";
import { resetDatabase } from "@/lib/testing/db";
import { caught } from "@/lib/testing/errors";
import { createEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const list = (organizerId: string, query: Record<string, string> = {}) =>
  listOrganizerOrders(organizerId, orderListQuerySchema.parse(query));
const ids = (page: { orders: { id: string }[] }) => page.orders.map((o) => o.id);

async function setUp() {
  const { organizer } = await createOrganizerWithOwner();
  // The organizer is in Vancouver; this event is in Toronto (day bounds follow the event with its filter).
  const toronto = await createEvent(organizer.id, { title: "Toronto Night", timezone: "America/Toronto" });
  const vancouver = await createEvent(organizer.id, { title: "Vancouver Night" });
  const ga = await createTier(toronto.id, { name: "GA" });
  const vip = await createTier(toronto.id, { name: "VIP" });
  const van = await createTier(vancouver.id);
  const other = await createOrganizerWithOwner();
  const otherEvent = await createEvent(other.organizer.id);
  const otherTier = await createTier(otherEvent.id);
  return { organizer, toronto, vancouver, ga, vip, van, other: other.organizer, otherEvent, otherTier };
}

describe("listOrganizerOrders", () => {
  beforeEach(resetDatabase);

  it("finds orders by buyer name, email or reference (whole, partial, any case, with #), never another organizer's", async () => {
    const s = await setUp();
    const at = new Date("2026-12-01T12:00:00Z");
    const [ana, bob, ref] = await insertListOrders(s.organizer.id, [
      {
        eventId: s.toronto.id,
        tierId: s.ga.id,
        buyerName: "Ana Lima",
        buyerEmail: "ana@lima.example",
        createdAt: at,
      },
      {
        eventId: s.toronto.id,
        tierId: s.ga.id,
        buyerName: "Bob Stone",
        buyerEmail: "bob@stone.example",
        createdAt: at,
      },
      {
        id: orderIdEndingIn("7k3m9qxz"),
        eventId: s.toronto.id,
        tierId: s.ga.id,
        buyerName: "Cy Twombly",
        buyerEmail: "cy@art.example",
        createdAt: at,
      },
    ]);
    // Another organizer's orders with the same buyer and a reference that starts the same way.
    const [otherRef] = await insertListOrders(s.other.id, [
      {
        id: orderIdEndingIn("7k3m0000"),
        eventId: s.otherEvent.id,
        tierId: s.otherTier.id,
        buyerName: "Ana Lima",
        buyerEmail: "ana@lima.example",
        createdAt: at,
      },
    ]);

    expect(ids(await list(s.organizer.id, { q: "lima" }))).toEqual([ana]);
    expect(ids(await list(s.organizer.id, { q: "ANA L" }))).toEqual([ana]);
    expect(ids(await list(s.organizer.id, { q: "stone.example" }))).toEqual([bob]);
    expect(ids(await list(s.organizer.id, { q: "7K3M9QXZ" }))).toEqual([ref]);
    expect(ids(await list(s.organizer.id, { q: "#7k3m" }))).toEqual([ref]);
    expect(ids(await list(s.organizer.id, { q: ref! }))).toEqual([ref]);
    // A reference matches from its start only: "9QXZ" is its end.
    expect(ids(await list(s.organizer.id, { q: "9QXZ" }))).toEqual([]);
    // LIKE wildcards are text.
    expect(ids(await list(s.organizer.id, { q: "%" }))).toEqual([]);

    expect(ids(await list(s.organizer.id, { q: orderReference(otherRef!) }))).toEqual([]);
    expect(ids(await list(s.organizer.id, { q: otherRef! }))).toEqual([]);
    expect(ids(await list(s.other.id, { q: "lima" }))).toEqual([otherRef]);
  });

  it("filters by status (unfinished checkouts only when asked), event and tier", async () => {
    const s = await setUp();
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));
    const [paid, refunded, partial, cancelled, pending, expired, vip, vancouver] = await insertListOrders(
      s.organizer.id,
      [
        { eventId: s.toronto.id, tierId: s.ga.id, status: "paid", createdAt: at(8) },
        { eventId: s.toronto.id, tierId: s.ga.id, status: "refunded", createdAt: at(7) },
        { eventId: s.toronto.id, tierId: s.ga.id, status: "partially_refunded", createdAt: at(6) },
        { eventId: s.toronto.id, tierId: s.ga.id, status: "cancelled", createdAt: at(5) },
        { eventId: s.toronto.id, tierId: s.ga.id, status: "pending", createdAt: at(4) },
        { eventId: s.toronto.id, tierId: s.ga.id, status: "expired", createdAt: at(3) },
        { eventId: s.toronto.id, tierId: s.vip.id, status: "paid", createdAt: at(2) },
        { eventId: s.vancouver.id, tierId: s.van.id, status: "paid", createdAt: at(1) },
      ],
    );
    await insertListOrders(s.other.id, [
      { eventId: s.otherEvent.id, tierId: s.otherTier.id, createdAt: at(9) },
    ]);

    expect(ids(await list(s.organizer.id))).toEqual([paid, refunded, partial, cancelled, vip, vancouver]);
    expect(ids(await list(s.organizer.id, { status: "pending,expired" }))).toEqual([pending, expired]);
    expect(ids(await list(s.organizer.id, { status: "refunded,partially_refunded" }))).toEqual([
      refunded,
      partial,
    ]);
    expect(ids(await list(s.organizer.id, { status: "paid", eventId: s.toronto.id }))).toEqual([paid, vip]);
    expect(ids(await list(s.organizer.id, { tierId: s.vip.id }))).toEqual([vip]);
    expect(ids(await list(s.organizer.id, { eventId: s.vancouver.id }))).toEqual([vancouver]);
    // Another organizer's event or tier as a filter matches nothing.
    expect(ids(await list(s.organizer.id, { eventId: s.otherEvent.id }))).toEqual([]);
    expect(ids(await list(s.organizer.id, { tierId: s.otherTier.id }))).toEqual([]);
  });

  it("reads day bounds in the event's zone with its filter, else in the organizer's", async () => {
    const s = await setUp();
    // 1 Dec 2026 in Toronto (EST) is 05:00Z to 05:00Z the next day; in Vancouver (PST) 08:00Z to 08:00Z.
    const [lateNov30Toronto, earlyDec1Toronto, lateDec1Toronto, earlyDec2Toronto] = await insertListOrders(
      s.organizer.id,
      [
        { eventId: s.toronto.id, tierId: s.ga.id, createdAt: new Date("2026-12-01T04:59:00Z") },
        { eventId: s.toronto.id, tierId: s.ga.id, createdAt: new Date("2026-12-01T05:00:00Z") },
        { eventId: s.toronto.id, tierId: s.ga.id, createdAt: new Date("2026-12-02T04:59:00Z") },
        { eventId: s.toronto.id, tierId: s.ga.id, createdAt: new Date("2026-12-02T07:59:00Z") },
      ],
    );
    const torontoDay = await list(s.organizer.id, {
      eventId: s.toronto.id,
      from: "2026-12-01",
      to: "2026-12-01",
    });
    expect(torontoDay.timeZone).toBe("America/Toronto");
    expect(ids(torontoDay)).toEqual([lateDec1Toronto, earlyDec1Toronto]);

    const vancouverDay = await list(s.organizer.id, { from: "2026-12-01", to: "2026-12-01" });
    expect(vancouverDay.timeZone).toBe("America/Vancouver");
    expect(ids(vancouverDay)).toEqual([earlyDec2Toronto, lateDec1Toronto]);

    expect(ids(await list(s.organizer.id, { to: "2026-11-30" }))).toEqual([
      earlyDec1Toronto,
      lateNov30Toronto,
    ]);
    expect(ids(await list(s.organizer.id, { eventId: s.toronto.id, to: "2026-11-30" }))).toEqual([
      lateNov30Toronto,
    ]);
    expect(
      ids(await list(s.organizer.id, { from: "2026-12-01T05:00:00Z", to: "2026-12-02T04:59:00Z" })),
    ).toEqual([earlyDec1Toronto]);

    const error = await caught(list(s.organizer.id, { from: "2026-12-02", to: "2026-12-01" }));
    expect(error.code).toBe("validation");
    expect(error.fields).toEqual([{ field: "to", message: "must be after from" }]);
  });

  it("pages by (created_at, id) with no duplicates or gaps, forwards and back, while new orders arrive", async () => {
    const s = await setUp();
    // 23 orders, in groups of three sharing a creation time: ties are ordered by id.
    const specs = Array.from({ length: 23 }, (_, i) => ({
      eventId: s.toronto.id,
      tierId: s.ga.id,
      createdAt: new Date(Date.UTC(2026, 11, 1, 12, Math.floor(i / 3))),
    }));
    await insertListOrders(s.organizer.id, specs);
    await insertListOrders(s.other.id, [
      { eventId: s.otherEvent.id, tierId: s.otherTier.id, createdAt: new Date("2026-12-01T12:03:00Z") },
    ]);
    const all = ids(await list(s.organizer.id, { limit: "100" }));
    expect(all).toHaveLength(23);

    const pages: string[][] = [];
    let page = await list(s.organizer.id, { limit: "5" });
    expect(page.prevCursor).toBeNull();
    pages.push(ids(page));
    while (page.nextCursor) {
      if (pages.length === 2) {
        // A new order (newest of all) arrives mid-walk: later pages do not shift.
        await insertListOrders(s.organizer.id, [
          { eventId: s.toronto.id, tierId: s.ga.id, createdAt: new Date("2026-12-02T00:00:00Z") },
        ]);
      }
      page = await list(s.organizer.id, { limit: "5", cursor: page.nextCursor });
      expect(page.prevCursor).not.toBeNull();
      pages.push(ids(page));
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual(all);

    // Back from the last page: the same pages, then the first page as it is now (the new order on top).
    const back: string[][] = [];
    while (page.prevCursor) {
      page = await list(s.organizer.id, { limit: "5", cursor: page.prevCursor });
      back.push(ids(page));
    }
    expect(back.slice(0, 4)).toEqual([pages[3], pages[2], pages[1], pages[0]]);
    expect(back).toHaveLength(5);
    expect(back[4]).toEqual([...ids(await list(s.organizer.id, { limit: "1" })), ...pages[0]!.slice(0, 4)]);
    expect(page.nextCursor).not.toBeNull();
  });

  it("filters and pages together: a search's pages hold only its matches", async () => {
    const s = await setUp();
    const specs = Array.from({ length: 12 }, (_, i) => ({
      eventId: s.toronto.id,
      tierId: s.ga.id,
      buyerName: i % 2 === 0 ? `Even ${i}` : `Odd ${i}`,
      createdAt: new Date(Date.UTC(2026, 11, 1, 12, i)),
    }));
    const made = await insertListOrders(s.organizer.id, specs);
    const evens = made.filter((_, i) => i % 2 === 0).reverse();
    const first = await list(s.organizer.id, { q: "even", limit: "4" });
    const second = await list(s.organizer.id, { q: "even", limit: "4", cursor: first.nextCursor! });
    expect([...ids(first), ...ids(second)]).toEqual(evens);
    expect(second.nextCursor).toBeNull();
  });
});
