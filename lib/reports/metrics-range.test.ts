import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  bucketIndex,
  bucketStart,
  bucketStarts,
  metricsQuerySchema,
  resolveMetricsRange,
} from "@/lib/reports/metrics-range";

const VANCOUVER = "America/Vancouver";
const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return error.fields[0]?.field;
    throw error;
  }
  return undefined;
}

describe("buckets in the event's zone", () => {
  it("a fall-back day in Vancouver is 25 hours; its repeated 1 AM is two hour buckets", () => {
    expect(
      iso(bucketStarts(at("2026-10-31T07:00:00Z"), at("2026-11-03T08:00:00Z"), "day", VANCOUVER)),
    ).toEqual(["2026-10-31T07:00:00.000Z", "2026-11-01T07:00:00.000Z", "2026-11-02T08:00:00.000Z"]);
    // 0:00 PDT, 1:00 PDT, 1:00 PST, 2:00 PST
    expect(
      iso(bucketStarts(at("2026-11-01T07:00:00Z"), at("2026-11-01T11:00:00Z"), "hour", VANCOUVER)),
    ).toEqual([
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
      "2026-11-01T10:00:00.000Z",
    ]);
    expect(bucketStart(at("2026-11-01T09:59:59.999Z"), "hour", VANCOUVER).toISOString()).toBe(
      "2026-11-01T09:00:00.000Z",
    );
    expect(bucketStart(at("2026-11-02T07:59:00Z"), "day", VANCOUVER).toISOString()).toBe(
      "2026-11-01T07:00:00.000Z",
    );
  });

  it("a spring-forward day in Vancouver is 23 hours, with no 2 AM bucket", () => {
    const day = bucketStarts(at("2026-03-08T08:00:00Z"), at("2026-03-09T07:00:00Z"), "day", VANCOUVER);
    expect(iso(day)).toEqual(["2026-03-08T08:00:00.000Z"]);
    const hours = bucketStarts(at("2026-03-08T08:00:00Z"), at("2026-03-09T07:00:00Z"), "hour", VANCOUVER);
    expect(hours).toHaveLength(23);
    expect(iso(hours.slice(1, 3))).toEqual(["2026-03-08T09:00:00.000Z", "2026-03-08T10:00:00.000Z"]); // 1:00 PST, 3:00 PDT
  });

  it("hours start on the local hour in a half-hour zone", () => {
    expect(bucketStart(at("2026-06-01T10:10:00Z"), "hour", "Asia/Kolkata").toISOString()).toBe(
      "2026-06-01T09:30:00.000Z",
    );
  });

  it("places an instant in the last bucket starting at or before it", () => {
    const buckets = [at("2026-01-01T00:00:00Z"), at("2026-01-02T00:00:00Z")];
    expect(bucketIndex(buckets, at("2025-12-31T23:59:59Z"))).toBe(-1);
    expect(bucketIndex(buckets, at("2026-01-01T00:00:00Z"))).toBe(0);
    expect(bucketIndex(buckets, at("2026-01-05T00:00:00Z"))).toBe(1);
  });
});

describe("the metrics query", () => {
  const defaults = { from: at("2026-11-01T20:00:00Z"), to: at("2026-11-10T20:00:00Z") };
  const parse = (query: Record<string, string>) => metricsQuerySchema.parse(query);

  it("reads days in the event's zone, `to` taking in its whole day", () => {
    const range = resolveMetricsRange(
      parse({ from: "2026-11-01", to: "2026-11-01", interval: "hour" }),
      defaults,
      VANCOUVER,
    );
    expect(range.from.toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(range.buckets).toHaveLength(25);
  });

  it("defaults the range and picks hours for up to two days, else days", () => {
    expect(resolveMetricsRange(parse({}), defaults, VANCOUVER)).toMatchObject({
      interval: "day",
      from: defaults.from,
    });
    const short = { from: at("2026-11-01T20:00:00Z"), to: at("2026-11-02T20:00:00Z") };
    expect(resolveMetricsRange(parse({}), short, VANCOUVER)).toMatchObject({ interval: "hour" });
    // A defaulted range longer than hours can show keeps its latest 31 days instead of a 422.
    const long = { from: at("2026-01-01T00:00:00Z"), to: at("2026-11-02T20:00:00Z") };
    const range = resolveMetricsRange(parse({ interval: "hour" }), long, VANCOUVER);
    expect(range.buckets.length).toBeLessThanOrEqual(31 * 24 + 1);
    expect(range.to).toEqual(long.to);
  });

  it("refuses bad input naming the field", () => {
    const field = (query: Record<string, string>) =>
      fieldOf(() => resolveMetricsRange(parse(query), defaults, VANCOUVER));
    const schemaField = (query: Record<string, string>) => {
      const result = metricsQuerySchema.safeParse(query);
      return result.success ? undefined : result.error.issues[0]?.path.join(".");
    };
    expect(schemaField({ interval: "week" })).toBe("interval");
    expect(schemaField({ from: "yesterday" })).toBe("from");
    expect(schemaField({ to: "2026-02-30" })).toBe("to");
    expect(schemaField({ from: "2026-11-01T10:00:00" })).toBe("from"); // no zone
    expect(field({ from: "2026-11-05", to: "2026-11-01" })).toBe("to");
    expect(field({ from: "2026-01-01", to: "2026-03-01", interval: "hour" })).toBe("interval");
    expect(field({ from: "2020-01-01", to: "2026-03-01", interval: "day" })).toBe("interval");
    expect(field({ from: "2026-11-01", to: "2026-12-01", interval: "hour" })).toBeUndefined();
    expect(field({ from: "2026-12-01" })).toBe("from"); // after the default end
  });
});
