// The CSV exports against PostgreSQL, through the route handler: rows per kind (refunded tickets, a comp
// order, pending checkouts left out), RFC 4180 quoting of commas, quotes, newlines and non-Latin names, CSV
// injection, header-only files, the BOM, 422s, tenants, the audit row, and a 25,000-ticket stream that is
// read page by page as the client consumes it.
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/tickets/events/[id]/export.csv/route";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { EXPORT_HEADERS, EXPORT_KINDS, type ExportKind } from "@/lib/exports/export-rows";
import { streamEventExport } from "@/lib/exports/stream-event-export";
import { seedBulkOrders } from "@/lib/exports/testing";
import { orderReference, ticketShortCode } from "@/lib/orders/order-summary";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { resetDatabase } from "@/lib/testing/db";
import { addMember, createEvent, createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";

/** RFC 4180 parser for the assertions: quoted fields may hold commas, doubled quotes, CR and LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field === "" && row.length === 0, "file ends with CRLF").toBe(true);
  return rows;
}

/** The file's rows as objects keyed by the header. */
function records(text: string, kind: ExportKind): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...EXPORT_HEADERS[kind]]);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? "<missing>"])));
}

async function world() {
  const { organizer, owner } = await createOrganizerWithOwner("org-a");
  const manager = await addMember(organizer.id, "manager@org-a.example", "manager");
  const scanner = await addMember(organizer.id, "scanner@org-a.example", "scanner");
  const other = await createOrganizerWithOwner("org-b");
  const { event, general, vip } = await createPassesEvent(organizer.id);
  const discount = await db.discount.create({
    data: { eventId: event.id, code: "=SUM(A1)", kind: "percent", percentBps: 1000 },
  });
  const paid = async (
    lines: Parameters<typeof createPassesOrder>[1],
    buyer: { buyerName: string; buyerEmail: string },
  ) => {
    const { order } = await createPassesOrder(event, lines, { status: "paid", ...buyer });
    const tickets = await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
    return { order, tickets };
  };
  const zoe = await paid(
    [
      { tier: general, quantity: 2 },
      { tier: vip, quantity: 1 },
    ],
    { buyerName: 'Zoë "Zo" O\'Brien, Jr.', buyerEmail: "zoe@example.com" },
  );
  await db.order.update({
    where: { id: zoe.order.id },
    data: { discountId: discount.id, discountMinor: 1100 },
  });
  const refunded = await paid([{ tier: general, quantity: 1 }], {
    buyerName: "Line one\nline two",
    buyerEmail: "refund@example.com",
  });
  await db.order.update({
    where: { id: refunded.order.id },
    data: { status: "refunded", refundedMinor: refunded.order.totalMinor },
  });
  await db.ticket.updateMany({ where: { orderId: refunded.order.id }, data: { status: "refunded" } });
  const li = await paid([{ tier: vip, quantity: 1 }], { buyerName: "李小龍", buyerEmail: "zoe@example.com" });
  const comp = await paid([{ tier: general, quantity: 1 }], {
    buyerName: '=HYPERLINK("http://evil.example","x")',
    buyerEmail: "guest@example.com",
  });
  await db.order.update({
    where: { id: comp.order.id },
    data: { channel: "comp", subtotalMinor: 0, feeMinor: 0, taxMinor: 0, totalMinor: 0 },
  });
  await createPassesOrder(event, [{ tier: general, quantity: 1 }], {
    status: "pending",
    buyerEmail: "abandoned@example.com",
  });
  const device = await db.scannerDevice.create({
    data: { organizerId: organizer.id, eventId: event.id, name: "@North, door" },
  });
  const admitted = zoe.tickets[0]!;
  await db.checkin.createMany({
    data: [
      {
        eventId: event.id,
        ticketId: admitted.id,
        deviceId: device.id,
        nonce: "n1",
        result: "admitted",
        scannedAt: new Date("2030-12-28T04:05:00Z"),
        receivedAt: new Date("2030-12-28T04:05:01Z"),
      },
      {
        eventId: event.id,
        ticketId: admitted.id,
        deviceId: device.id,
        nonce: "n2",
        result: "duplicate",
        reason: "already_redeemed",
        scannedAt: new Date("2030-12-28T04:06:00Z"),
        receivedAt: new Date("2030-12-28T04:20:00Z"),
      },
      {
        eventId: event.id,
        ticketId: refunded.tickets[0]!.id,
        deviceId: device.id,
        nonce: "n3",
        result: "rejected",
        reason: "refunded",
        scannedAt: new Date("2030-12-28T04:07:00Z"),
        receivedAt: new Date("2030-12-28T04:07:00Z"),
      },
    ],
  });
  const empty = await createEvent(organizer.id, { slug: "empty-night" });
  return { organizer, owner, manager, scanner, other, event, empty, zoe, refunded, li, comp, admitted };
}

type World = Awaited<ReturnType<typeof world>>;

function download(w: World, query: string, cookie = w.owner.cookie, eventId = w.event.id) {
  return GET(
    apiRequest(`/api/tickets/events/${eventId}/export.csv${query}`, { cookie }),
    routeContext({ id: eventId }),
  );
}

describe("GET /api/tickets/events/:id/export.csv", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("orders: completed orders with zoned times, items, decimal money, the comp channel and quoting", async () => {
    const response = await download(w, "?kind=orders");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${w.event.slug}-orders.csv"`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = records(text, "orders");
    // Four completed orders in the order they were made; the pending checkout is not one.
    expect(rows.map((r) => r.reference)).toEqual(
      [w.zoe, w.refunded, w.li, w.comp].map(({ order }) => orderReference(order.id)),
    );
    const [zoe, refunded, li, comp] = rows;
    expect(zoe).toMatchObject({
      status: "paid",
      channel: "online",
      "buyer name": 'Zoë "Zo" O\'Brien, Jr.',
      "buyer email": "zoe@example.com",
      items: "2× General Admission; 1× VIP Balcony",
      subtotal: "110.00",
      discount: "11.00",
      "discount code": "'=SUM(A1)",
      fee: "4.50",
      tax: (w.zoe.order.taxMinor / 100).toFixed(2),
      total: (w.zoe.order.totalMinor / 100).toFixed(2),
      refunded: "0.00",
      currency: "CAD",
    });
    expect(zoe!.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$/);
    expect(new Date(zoe!.created!).getTime()).toBe(Math.floor(w.zoe.order.createdAt.getTime() / 1000) * 1000);
    expect(refunded).toMatchObject({
      status: "refunded",
      "buyer name": "Line one\nline two",
      refunded: (w.refunded.order.totalMinor / 100).toFixed(2),
    });
    expect(li!["buyer name"]).toBe("李小龍");
    expect(comp).toMatchObject({
      channel: "comp",
      total: "0.00",
      "buyer name": '\'=HYPERLINK("http://evil.example","x")',
    });
    // The raw bytes: the quoted name with doubled quotes, and the newline kept inside its quotes.
    expect(text).toContain('"Zoë ""Zo"" O\'Brien, Jr."');
    expect(text).toContain('"Line one\nline two"');
    expect(text.split("\r\n")).toHaveLength(6); // header + 4 rows + the empty string after the last CRLF
  });

  it("attendees: one row per ticket with refunded tickets, buyer and first admission", async () => {
    const rows = records(await (await download(w, "?kind=attendees")).text(), "attendees");
    expect(rows).toHaveLength(6);
    const admitted = rows.find((r) => r["ticket reference"] === ticketShortCode(w.admitted.id));
    expect(admitted).toMatchObject({
      "holder name": 'Zoë "Zo" O\'Brien, Jr.',
      "ticket status": "valid",
      "order reference": orderReference(w.zoe.order.id),
      "buyer email": "zoe@example.com",
      "checked in at": "2030-12-27T20:05:00-08:00",
    });
    const refunded = rows.filter((r) => r["order reference"] === orderReference(w.refunded.order.id));
    expect(refunded.map((r) => [r["ticket status"], r["checked in at"]])).toEqual([["refunded", ""]]);
    expect(rows.filter((r) => r["checked in at"] !== "")).toHaveLength(1);
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set(["General Admission", "VIP Balcony"]));
  });

  it("emails: one row per address with its orders and tickets, consent not collected", async () => {
    const rows = records(await (await download(w, "?kind=emails")).text(), "emails");
    expect(rows.map((r) => r["buyer email"])).toEqual([
      "guest@example.com",
      "refund@example.com",
      "zoe@example.com",
    ]);
    expect(rows[2]).toMatchObject({ "buyer name": "李小龍", orders: "2", tickets: "4" });
    expect(rows.every((r) => r["marketing consent"] === "not collected")).toBe(true);
  });

  it("scans: every scan with result, device, and offline when it arrived late", async () => {
    const rows = records(await (await download(w, "?kind=scans")).text(), "scans");
    expect(
      rows.map((r) => [r["scanned at"], r.result, r.reason, r.device, r.connection, r["ticket reference"]]),
    ).toEqual([
      [
        "2030-12-27T20:05:00-08:00",
        "admitted",
        "",
        "'@North, door",
        "online",
        ticketShortCode(w.admitted.id),
      ],
      [
        "2030-12-27T20:07:00-08:00",
        "rejected",
        "refunded",
        "'@North, door",
        "online",
        ticketShortCode(w.refunded.tickets[0]!.id),
      ],
      [
        "2030-12-27T20:06:00-08:00",
        "duplicate",
        "already_redeemed",
        "'@North, door",
        "offline",
        ticketShortCode(w.admitted.id),
      ],
    ]);
    expect(rows[0]).toMatchObject({ tier: "General Admission", holder: 'Zoë "Zo" O\'Brien, Jr.' });
  });

  it("pages through every kind one row at a time with the same result as one page", async () => {
    for (const kind of EXPORT_KINDS) {
      const request = () => apiRequest(`/api/tickets/events/${w.event.id}/export.csv?kind=${kind}`);
      const actor = { organizerId: w.organizer.id, userId: w.owner.userId };
      const pages: number[] = [];
      const oneByOne = await streamEventExport(actor, w.event.id, request(), {
        pageSize: 1,
        onPage: (n) => pages.push(n),
      });
      const whole = await streamEventExport(actor, w.event.id, request());
      const text = await oneByOne.text();
      expect(text, kind).toBe(await whole.text());
      expect(pages.filter((n) => n === 1).length, kind).toBe(parseCsv(text).length - 1);
    }
  });

  it("an event without orders or scans is a header-only file; bom=1 starts it with a UTF-8 BOM", async () => {
    for (const kind of EXPORT_KINDS) {
      const plain = await download(w, `?kind=${kind}`, w.owner.cookie, w.empty.id);
      expect(plain.status).toBe(200);
      expect(await plain.text()).toBe(`${EXPORT_HEADERS[kind].join(",")}\r\n`);
    }
    const withBom = await download(w, "?kind=emails&bom=1", w.owner.cookie, w.empty.id);
    const bytes = new Uint8Array(await withBom.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(`${EXPORT_HEADERS.emails.join(",")}\r\n`);
    const zero = await download(w, "?kind=emails&bom=0", w.owner.cookie, w.empty.id);
    expect(new Uint8Array(await zero.arrayBuffer())[0]).toBe("b".charCodeAt(0));
  });

  it("answers 422 problem+json naming kind or bom", async () => {
    for (const [query, field] of [
      ["?kind=payouts", "kind"],
      ["", "kind"],
      ["?kind=orders&bom=yes", "bom"],
    ] as const) {
      const response = await download(w, query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it("lets managers in; another organizer's owner gets 404, A's scanner 403, nobody signed in 401", async () => {
    expect((await download(w, "?kind=orders", w.manager.cookie)).status).toBe(200);
    const other = await download(w, "?kind=orders", w.other.owner.cookie);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Zo");
    expect((await download(w, "?kind=payouts", w.other.owner.cookie)).status).toBe(404);
    expect((await download(w, "?kind=orders", w.scanner.cookie)).status).toBe(403);
    expect((await download(w, "?kind=orders", "")).status).toBe(401);
  });

  it("records who downloaded which export, once per download", async () => {
    await (await download(w, "?kind=attendees&bom=1", w.manager.cookie)).text();
    await download(w, "?kind=nope");
    const rows = await db.auditLog.findMany({ where: { action: "tickets.export.downloaded" } });
    expect(rows).toEqual([
      expect.objectContaining({
        organizerId: w.organizer.id,
        actorUserId: w.manager.userId,
        actorType: "user",
        entityType: "event",
        entityId: w.event.id,
        data: { kind: "attendees", bom: true },
      }),
    ]);
  });
});

describe("a large export streams page by page", () => {
  it(
    "reads the next page only when the client takes the one before (25,000 tickets)",
    { timeout: 120_000 },
    async () => {
      await resetDatabase();
      const { organizer, owner } = await createOrganizerWithOwner("bulk");
      const event = await createEvent(organizer.id, { slug: "bulk-night" });
      const seeded = await seedBulkOrders(event, { orders: 20_000 });
      expect(seeded).toMatchObject({ orders: 20_000, tickets: 25_000, refundedOrders: 1_000 });
      const pageSize = 1_000;
      let pagesRead = 0;
      const response = await streamEventExport(
        { organizerId: organizer.id, userId: owner.userId },
        event.id,
        apiRequest(`/api/tickets/events/${event.id}/export.csv?kind=attendees`),
        { pageSize, onPage: () => (pagesRead += 1) },
      );
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      // The first chunk is out after one page; the stream reads a page ahead for the chunk it keeps queued and
      // one more while it writes that chunk: three pages at most, not all 25.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pagesRead).toBeLessThanOrEqual(3);
      const decoder = new TextDecoder();
      let text = decoder.decode(first.value, { stream: true });
      let chunks = 1;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks += 1;
        expect(pagesRead, "never more than two pages ahead of the client").toBeLessThanOrEqual(chunks + 2);
        text += decoder.decode(value, { stream: true });
      }
      text += decoder.decode();
      expect(pagesRead).toBe(Math.ceil(25_000 / pageSize) + 1); // the last read finds no more rows
      const rows = records(text, "attendees");
      expect(rows).toHaveLength(25_000);
      expect(rows.filter((r) => r["ticket status"] === "refunded")).toHaveLength(1_000);
      expect(rows.filter((r) => r["checked in at"] !== "")).toHaveLength(seeded.admitted);
      expect(seeded.admitted / (25_000 - 1_000)).toBeCloseTo(0.4, 1);
    },
  );
});
