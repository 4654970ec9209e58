import { describe, expect, it } from "vitest";
import {
  attendeeExportRow,
  describeOrderItems,
  emailExportRow,
  EXPORT_HEADERS,
  exportQuerySchema,
  orderExportRow,
  scanExportRow,
  type OrderExportRecord,
} from "@/lib/exports/export-rows";

const ZONE = "America/Vancouver";
const ORDER: OrderExportRecord = {
  id: "cm0000000000000000ab12cd34",
  createdAt: new Date("2026-12-08T03:30:00.250Z"),
  paidAt: new Date("2026-12-08T03:31:05Z"),
  status: "partially_refunded",
  channel: "online",
  buyerName: "=cmd|' /C calc'!A0",
  buyerEmail: "ana@example.com",
  items: [
    { quantity: 2, tierName: "General" },
    { quantity: 1, tierName: "VIP" },
  ],
  subtotalMinor: 11000,
  discountMinor: 1100,
  discountCode: "-TEN",
  feeMinor: 450,
  taxMinor: 1242,
  totalMinor: 11592,
  refundedMinor: 3864,
  currency: "cad",
};

describe("order rows", () => {
  it("writes every column in the header's order: reference, zoned times, items, decimal money", () => {
    const row = orderExportRow(ORDER, ZONE);
    expect(row).toHaveLength(EXPORT_HEADERS.orders.length);
    expect(Object.fromEntries(EXPORT_HEADERS.orders.map((h, i) => [h, row[i]]))).toEqual({
      reference: "AB12CD34",
      created: "2026-12-07T19:30:00-08:00",
      paid: "2026-12-07T19:31:05-08:00",
      status: "partially_refunded",
      channel: "online",
      "buyer name": "'=cmd|' /C calc'!A0",
      "buyer email": "ana@example.com",
      items: "2× General; 1× VIP",
      subtotal: "110.00",
      discount: "11.00",
      "discount code": "'-TEN",
      fee: "4.50",
      tax: "12.42",
      total: "115.92",
      refunded: "38.64",
      currency: "CAD",
    });
  });

  it("keeps negative money a number (money is never user text) and leaves an unpaid time empty", () => {
    const row = orderExportRow({ ...ORDER, refundedMinor: -500, paidAt: null, channel: "comp" }, ZONE);
    expect(row[EXPORT_HEADERS.orders.indexOf("refunded")]).toBe("-5.00");
    expect(row[EXPORT_HEADERS.orders.indexOf("paid")]).toBe("");
    expect(row[EXPORT_HEADERS.orders.indexOf("channel")]).toBe("comp");
  });

  it("describes items as quantity × tier", () => {
    expect(describeOrderItems([])).toBe("");
    expect(describeOrderItems([{ quantity: 1, tierName: "Balcony, left" }])).toBe("1× Balcony, left");
  });
});

describe("attendee, email and scan rows", () => {
  it("attendee: short references, neutralised holder text, check-in time in the event's zone", () => {
    const row = attendeeExportRow(
      {
        ticketId: "cmtickettickettickettk9x8y7z6w",
        holderName: "@mention",
        holderEmail: null,
        tierName: "+VIP",
        status: "refunded",
        orderId: ORDER.id,
        buyerName: "Ana",
        buyerEmail: "ana@example.com",
        checkedInAt: new Date("2026-07-04T03:30:00Z"),
      },
      ZONE,
    );
    expect(row).toEqual([
      "9X8Y7Z6W",
      "'@mention",
      "",
      "'+VIP",
      "refunded",
      "AB12CD34",
      "Ana",
      "ana@example.com",
      "2026-07-03T20:30:00-07:00",
    ]);
  });

  it("email: counts as numbers and consent not collected", () => {
    expect(
      emailExportRow(
        {
          email: "ana@example.com",
          buyerName: "李小龍",
          orders: 2,
          tickets: 5,
          firstOrderAt: new Date("2026-12-08T03:30:00Z"),
        },
        ZONE,
      ),
    ).toEqual(["ana@example.com", "李小龍", "2", "5", "2026-12-07T19:30:00-08:00", "not collected"]);
  });

  it("scan: online when received within a minute, offline when queued longer or forced", () => {
    const scannedAt = new Date("2026-12-08T04:00:00Z");
    const base = {
      scannedAt,
      receivedAt: new Date(scannedAt.getTime() + 2_000),
      ticketId: "cmtickettickettickettk9x8y7z6w",
      tierName: "GA",
      holderName: "Ana",
      result: "admitted",
      reason: null,
      forced: false,
      manual: false,
      deviceName: "-North door",
    };
    const column = (name: (typeof EXPORT_HEADERS.scans)[number]) => EXPORT_HEADERS.scans.indexOf(name);
    const online = scanExportRow(base, ZONE);
    expect(online[column("connection")]).toBe("online");
    expect(online[column("device")]).toBe("'-North door");
    expect(online[column("method")]).toBe("scan");
    expect(online[column("scanned at")]).toBe("2026-12-07T20:00:00-08:00");
    const queued = { ...base, receivedAt: new Date(scannedAt.getTime() + 61_000) };
    expect(scanExportRow(queued, ZONE)[column("connection")]).toBe("offline");
    expect(scanExportRow({ ...base, forced: true }, ZONE)[column("connection")]).toBe("offline");
    const unknown = scanExportRow(
      { ...base, ticketId: null, tierName: null, holderName: null, result: "rejected", reason: "unknown" },
      ZONE,
    );
    expect(unknown.slice(1, 6)).toEqual(["", "", "", "rejected", "unknown"]);
  });
});

describe("exportQuerySchema", () => {
  it("accepts the four kinds and bom=0|1, and names the bad field", () => {
    expect(exportQuerySchema.parse({ kind: "scans", bom: "1" })).toEqual({ kind: "scans", bom: "1" });
    const bad = exportQuerySchema.safeParse({ kind: "payouts" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["kind"]);
    expect(exportQuerySchema.safeParse({ kind: "orders", bom: "yes" }).error?.issues[0]?.path).toEqual([
      "bom",
    ]);
    expect(exportQuerySchema.safeParse({}).error?.issues[0]?.path).toEqual(["kind"]);
  });
});
