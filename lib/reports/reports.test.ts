// The figures from stored rows: which orders and refunds count, the platform's part of refunds, tax per name,
// comps apart, check-in, units per tier, discount usage, currencies kept apart, other organizers left out;
// and the time series in the event's zone across a DST change.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEventMetrics } from "@/lib/reports/get-event-metrics";
import { getEventSummary } from "@/lib/reports/get-event-summary";
import { getOrganizerDashboard } from "@/lib/reports/get-organizer-dashboard";
import { createStoredCheckin, createStoredOrder, createStoredRefund } from "@/lib/reports/testing";
import { resetDatabase } from "@/lib/testing/db";
import { createEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";
import { isAppError } from "@/lib/errors";

const tax = (gst: number, pst: number) => [
  { name: "GST", rateBps: 500, inclusive: false, amountMinor: gst },
  { name: "PST", rateBps: 700, inclusive: false, amountMinor: pst },
];

async function world() {
  const { organizer } = await createOrganizerWithOwner();
  const event = await createEvent(organizer.id, { capacity: 50 });
  const ga = await createTier(event.id, { name: "GA", capacity: 100, sortOrder: 0 });
  const vip = await createTier(event.id, { name: "VIP", priceMinor: 6000, capacity: 10, sortOrder: 1 });
  const early = await db.discount.create({
    data: { eventId: event.id, code: "EARLY", kind: "fixed", amountMinor: 250 },
  });
  const unused = await db.discount.create({
    data: { eventId: event.id, code: "UNUSED", kind: "percent", percentBps: 1000 },
  });
  return { organizer, event, ga, vip, early, unused };
}

describe("event summary and organizer dashboard", () => {
  beforeEach(resetDatabase);

  it("sums charged orders, succeeded refunds, taxes, comps, check-ins, tiers and codes from stored rows", async () => {
    const { organizer, event, ga, vip, early } = await world();
    const o1 = await createStoredOrder(event.id, {
      tierId: ga.id,
      quantity: 2,
      totalMinor: 5_600,
      applicationFeeMinor: 400,
      taxLines: tax(250, 350),
      discountId: early.id,
      discountMinor: 500,
    });
    const o2 = await createStoredOrder(event.id, {
      tierId: vip.id,
      status: "partially_refunded",
      totalMinor: 6_720,
      applicationFeeMinor: 300,
      taxLines: tax(300, 420),
    });
    const o3 = await createStoredOrder(event.id, {
      tierId: ga.id,
      status: "refunded",
      totalMinor: 2_800,
      applicationFeeMinor: 200,
      taxLines: tax(125, 175),
    });
    // Settled: Stripe refunded 150 of the fee. Unsettled: our allocation says 200. Failed/pending: nothing.
    await createStoredRefund(o2, {
      amountMinor: 3_000,
      applicationFeeMinor: 150,
      applicationFeeRefundedMinor: 150,
    });
    await createStoredRefund(o2, { amountMinor: 1_000, status: "failed", applicationFeeMinor: 50 });
    await createStoredRefund(o2, { amountMinor: 500, status: "pending", applicationFeeMinor: 25 });
    await createStoredRefund(o3, { amountMinor: 2_800, applicationFeeMinor: 200 });
    // Orders that took no money we kept: a checkout in progress, an expired one, a cancelled late payment.
    await createStoredOrder(event.id, { tierId: ga.id, status: "pending", totalMinor: 9_999 });
    await createStoredOrder(event.id, { tierId: ga.id, status: "expired", totalMinor: 9_999 });
    const late = await createStoredOrder(event.id, { tierId: ga.id, status: "cancelled", totalMinor: 7_777 });
    await createStoredRefund(late, { amountMinor: 7_777, applicationFeeMinor: 100 });
    const comp = await createStoredOrder(event.id, { tierId: ga.id, quantity: 2, channel: "comp" });
    await createStoredCheckin({ id: o1.tickets[0]!.id, eventId: event.id });
    await createStoredCheckin({ id: o1.tickets[0]!.id, eventId: event.id }, "duplicate");
    await createStoredCheckin({ id: o3.tickets[0]!.id, eventId: event.id }); // refunded since: not valid
    await createStoredCheckin({ id: comp.tickets[1]!.id, eventId: event.id });

    // Another organizer's sales never show.
    const other = await createOrganizerWithOwner();
    const theirs = await createEvent(other.organizer.id);
    const theirTier = await createTier(theirs.id);
    const theirOrder = await createStoredOrder(theirs.id, { tierId: theirTier.id, totalMinor: 123_456 });
    await createStoredRefund(theirOrder, { amountMinor: 1_000 });

    const summary = await getEventSummary(organizer.id, event.id);
    expect(summary.money).toEqual([
      {
        currency: "cad",
        orders: 3,
        tickets: 4,
        grossMinor: 15_120,
        platformFeesMinor: 900,
        refundsMinor: 5_800,
        refundCount: 2,
        platformRefundsMinor: 350,
        netMinor: 15_120 - 900 - 5_800 + 350,
        taxMinor: 1_620,
        discountMinor: 500,
      },
    ]);
    expect(summary.taxes).toEqual([
      { currency: "cad", name: "GST", amountMinor: 675 },
      { currency: "cad", name: "PST", amountMinor: 945 },
    ]);
    expect(summary.comps).toEqual({ orders: 1, tickets: 2 });
    expect(summary.checkin).toEqual({ valid: 5, checkedIn: 2 });
    expect(summary.capacity).toBe(50);
    expect(summary.remaining).toBe(50 - 5 - 1);
    expect(summary.tiers).toEqual([
      { id: ga.id, name: "GA", capacity: 100, sold: 4, held: 1, remaining: 44 },
      { id: vip.id, name: "VIP", capacity: 10, sold: 1, held: 0, remaining: 9 },
    ]);
    expect(summary.discounts).toEqual([
      { id: early.id, code: "EARLY", usage: [{ currency: "cad", orders: 1, discountMinor: 500 }] },
      { id: expect.any(String), code: "UNUSED", usage: [] },
    ]);

    // The other organizer's dashboard sees only its own; ours adds up to the summary.
    const dashboard = await getOrganizerDashboard(organizer.id);
    expect(dashboard.totals).toEqual(summary.money);
    expect(dashboard.taxes).toEqual(summary.taxes);
    expect(dashboard.comps).toEqual(summary.comps);
    expect(dashboard.checkin).toEqual(summary.checkin);
    expect(dashboard.events.map((e) => e.event.id)).toEqual([event.id]);
    const theirDashboard = await getOrganizerDashboard(other.organizer.id);
    expect(theirDashboard.totals).toMatchObject([{ grossMinor: 123_456, refundsMinor: 1_000 }]);
    await expect(getEventSummary(other.organizer.id, event.id)).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === "not_found",
    );
  });

  it("keeps currencies apart across events, with one row per event that the totals add up", async () => {
    const { organizer, event, ga } = await world();
    const usd = await createEvent(organizer.id, {
      currency: "usd",
      startsAt: new Date("2031-01-01T00:00:00Z"),
    });
    const usdTier = await createTier(usd.id);
    const draft = await createEvent(organizer.id, {
      status: "draft",
      startsAt: new Date("2029-01-01T00:00:00Z"),
    });
    await createStoredOrder(event.id, { tierId: ga.id, totalMinor: 3_000, applicationFeeMinor: 100 });
    await createStoredOrder(event.id, { tierId: ga.id, totalMinor: 2_000, applicationFeeMinor: 80 });
    const paidUsd = await createStoredOrder(usd.id, {
      tierId: usdTier.id,
      quantity: 3,
      totalMinor: 9_000,
      applicationFeeMinor: 270,
    });
    await createStoredRefund(paidUsd, { amountMinor: 3_000, applicationFeeRefundedMinor: 90 });

    const dashboard = await getOrganizerDashboard(organizer.id);
    expect(dashboard.events.map((e) => e.event.id)).toEqual([usd.id, event.id, draft.id]);
    expect(dashboard.totals.map((t) => [t.currency, t.grossMinor, t.netMinor])).toEqual([
      ["cad", 5_000, 5_000 - 180],
      ["usd", 9_000, 9_000 - 270 - 3_000 + 90],
    ]);
    expect(dashboard.events[2]).toMatchObject({ money: [], comps: { orders: 0 }, checkin: { valid: 0 } });
    expect(dashboard.events[0]?.money).toMatchObject([{ currency: "usd", tickets: 3, refundCount: 1 }]);
  });
});

describe("event metrics", () => {
  beforeEach(resetDatabase);

  it("buckets sales and refunds by hour and day of the event's zone across the fall-back night", async () => {
    const { organizer, event, ga } = await world();
    // Vancouver falls back at 2025-11-02 09:00Z (2:00 PDT → 1:00 PST): 1:30 happens twice. (2025, not 2026:
    // newer tz databases, PGlite's among them, keep British Columbia on UTC−7 from November 2026.)
    const at = (iso: string) => new Date(iso);
    const sell = (paidAt: string, quantity: number, totalMinor: number) =>
      createStoredOrder(event.id, {
        tierId: ga.id,
        quantity,
        totalMinor,
        applicationFeeMinor: 100,
        paidAt: at(paidAt),
      });
    await sell("2025-11-02T06:30:00Z", 1, 1_000); // Sat 1 Nov, 23:30 PDT
    await sell("2025-11-02T08:30:00Z", 2, 2_000); // Sun 2 Nov, 1:30 PDT
    const refunded = await sell("2025-11-02T09:30:00Z", 3, 3_000); // Sun 2 Nov, 1:30 PST
    await sell("2025-11-03T07:30:00Z", 4, 4_000); // Sun 2 Nov, 23:30 PST (25 hours after midnight)
    await createStoredRefund(refunded, { amountMinor: 500, createdAt: at("2025-11-03T08:15:00Z") }); // Mon 0:15

    const days = await getEventMetrics(organizer.id, event.id, {
      from: { kind: "instant", instant: at("2025-11-01T07:00:00Z") },
      to: { kind: "instant", instant: at("2025-11-04T08:00:00Z") },
      interval: "day",
    });
    expect(days.interval).toBe("day");
    expect(days.series).toHaveLength(1);
    expect(days.series[0]?.points).toEqual([
      {
        start: "2025-11-01T07:00:00.000Z",
        sold: 1,
        grossMinor: 1_000,
        platformFeesMinor: 100,
        taxMinor: 0,
        refundsMinor: 0,
      },
      {
        start: "2025-11-02T07:00:00.000Z",
        sold: 9,
        grossMinor: 9_000,
        platformFeesMinor: 300,
        taxMinor: 0,
        refundsMinor: 0,
      },
      {
        start: "2025-11-03T08:00:00.000Z",
        sold: 0,
        grossMinor: 0,
        platformFeesMinor: 0,
        taxMinor: 0,
        refundsMinor: 500,
      },
    ]);

    const hours = await getEventMetrics(organizer.id, event.id, {
      from: { kind: "instant", instant: at("2025-11-02T07:00:00Z") },
      to: { kind: "instant", instant: at("2025-11-02T11:00:00Z") },
      interval: "hour",
    });
    expect(hours.series[0]?.points.map((p) => [p.start, p.sold])).toEqual([
      ["2025-11-02T07:00:00.000Z", 0],
      ["2025-11-02T08:00:00.000Z", 2],
      ["2025-11-02T09:00:00.000Z", 3],
      ["2025-11-02T10:00:00.000Z", 0],
    ]);
  });

  it("defaults to the first sale until now or the event's end, and 404s another organizer's event", async () => {
    const { organizer, event, ga } = await world();
    const other = await createOrganizerWithOwner();
    await createStoredOrder(event.id, { tierId: ga.id, paidAt: new Date("2026-12-01T20:00:00Z") });
    const now = new Date("2026-12-03T12:00:00Z");
    const metrics = await getEventMetrics(organizer.id, event.id, {}, now);
    expect(metrics).toMatchObject({
      interval: "hour",
      from: "2026-12-01T20:00:00.000Z",
      to: now.toISOString(),
    });
    expect(metrics.series[0]?.points[0]).toMatchObject({ start: "2026-12-01T20:00:00.000Z", sold: 1 });
    await expect(getEventMetrics(other.organizer.id, event.id, {}, now)).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === "not_found",
    );
  });
});
