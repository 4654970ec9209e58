import { describe, expect, it } from "vitest";
import { isAppError, parseInput } from "@/lib/errors";
import {
  decodeOrderListCursor,
  encodeOrderListCursor,
  isFilteredOrderListQuery,
  orderListQuerySchema,
  orderSearchPatterns,
  resolveOrderDateRange,
} from "@/lib/refunds/order-list-query";
import { caught } from "@/lib/testing/errors";

const parse = (query: Record<string, string>) => parseInput(orderListQuerySchema, query);
/** The fields a query is refused for (none when it parses). */
const fieldsOf = (query: Record<string, string>) => {
  try {
    parse(query);
    return [];
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.fields.map((f) => f.field);
  }
};

describe("orderListQuerySchema", () => {
  it("treats blank form fields as absent and trims text", () => {
    const query = parse({ q: "  ana  ", status: "", eventId: "", tierId: "", from: "", to: "", cursor: "" });
    expect(query).toEqual({ q: "ana", limit: 50 });
    expect(isFilteredOrderListQuery(query)).toBe(true);
    expect(isFilteredOrderListQuery(parse({ limit: "10" }))).toBe(false);
  });

  it("reads statuses as a comma-separated list and refuses unknown ones", () => {
    expect(parse({ status: "pending, expired,pending" }).status).toEqual(["pending", "expired"]);
    expect(fieldsOf({ status: "paid,lost" })).toEqual(["status.1"]);
  });

  it("reads days and instants with a zone as date bounds, and nothing else", () => {
    expect(parse({ from: "2026-12-01" }).from).toEqual({
      kind: "day",
      day: { year: 2026, month: 12, day: 1, hour: 0, minute: 0, second: 0 },
    });
    expect(parse({ to: "2026-12-01T20:00:00-05:00" }).to).toEqual({
      kind: "instant",
      instant: new Date("2026-12-02T01:00:00Z"),
    });
    expect(fieldsOf({ from: "2026-02-30" })).toEqual(["from"]);
    expect(fieldsOf({ to: "2026-12-01T20:00" })).toEqual(["to"]);
    expect(fieldsOf({ from: "yesterday" })).toEqual(["from"]);
  });

  it("bounds the page size and the search text", () => {
    expect(parse({ limit: "100" }).limit).toBe(100);
    expect(fieldsOf({ limit: "0" })).toEqual(["limit"]);
    expect(fieldsOf({ limit: "101" })).toEqual(["limit"]);
    expect(fieldsOf({ limit: "ten" })).toEqual(["limit"]);
    expect(fieldsOf({ q: "x".repeat(201) })).toEqual(["q"]);
    expect(fieldsOf({ eventId: "a b" })).toEqual(["eventId"]);
  });

  it("accepts only cursors it handed out", () => {
    const cursor = {
      direction: "before" as const,
      createdAt: new Date("2026-12-01T12:00:00.123Z"),
      id: "cabc",
    };
    const encoded = encodeOrderListCursor(cursor);
    expect(decodeOrderListCursor(encoded)).toEqual(cursor);
    expect(parse({ cursor: encoded }).cursor).toEqual(cursor);
    expect(fieldsOf({ cursor: "not-a-cursor" })).toEqual(["cursor"]);
    expect(fieldsOf({ cursor: Buffer.from("a|2026-13-01T00:00:00.000Z|x").toString("base64url") })).toEqual([
      "cursor",
    ]);
    expect(
      fieldsOf({ cursor: Buffer.from("a|2026-12-01T00:00:00.000Z|x'--").toString("base64url") }),
    ).toEqual(["cursor"]);
  });
});

describe("orderSearchPatterns", () => {
  it("matches names and emails anywhere, with LIKE wildcards taken as text", () => {
    expect(orderSearchPatterns("ana").contains).toBe("%ana%");
    expect(orderSearchPatterns("50%_off\\").contains).toBe("%50\\%\\_off\\\\%");
  });

  it("matches a reference from its start, with or without #, in any case", () => {
    expect(orderSearchPatterns("7K3M9QXZ").reference).toBe("%7k3m9qxz");
    expect(orderSearchPatterns("#7k3m").reference).toBe("%7k3m____");
    expect(orderSearchPatterns("ana@x.example").reference).toBeNull();
    expect(orderSearchPatterns("7K3M9QXZA").reference).toBeNull();
  });

  it("matches a whole pasted order id exactly", () => {
    expect(orderSearchPatterns("cmabc123def456ghi789jkl0m").exactId).toBe("cmabc123def456ghi789jkl0m");
    expect(orderSearchPatterns("ana lima").exactId).toBeNull();
  });
});

describe("resolveOrderDateRange", () => {
  const day = (value: string) => parse({ from: value }).from!;

  it("reads days in the zone, the end day whole", () => {
    expect(
      resolveOrderDateRange({ from: day("2026-12-01"), to: day("2026-12-01") }, "America/Toronto"),
    ).toEqual({
      from: new Date("2026-12-01T05:00:00Z"),
      to: new Date("2026-12-02T05:00:00Z"),
    });
    expect(resolveOrderDateRange({ to: day("2026-12-31") }, "Asia/Tokyo")).toEqual({
      from: null,
      to: new Date("2026-12-31T15:00:00Z"),
    });
  });

  it("gives a day on which clocks change its real length", () => {
    // Toronto springs forward on 8 Mar 2026: that day is 23 hours long.
    const range = resolveOrderDateRange(
      { from: day("2026-03-08"), to: day("2026-03-08") },
      "America/Toronto",
    );
    expect(range.from).toEqual(new Date("2026-03-08T05:00:00Z"));
    expect(range.to).toEqual(new Date("2026-03-09T04:00:00Z"));
  });

  it("refuses a range that ends before it starts", async () => {
    const error = await caught(
      Promise.resolve().then(() =>
        resolveOrderDateRange({ from: day("2026-12-02"), to: day("2026-12-01") }, "UTC"),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.fields).toEqual([{ field: "to", message: "must be after from" }]);
  });
});
