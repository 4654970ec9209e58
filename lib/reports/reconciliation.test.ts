// Reconciliation: orders sold through the real pipeline (checkout → the Stripe stand-in → signed webhook →
// fulfilment) and refunded through it (request → refunds.submit → Stripe → applyRefund → refunds.settle). The
// dashboard's gross, fees and refunds must equal the sums of the order and refund rows AND what Stripe was
// sent and moved (amount_total, application_fee_amount, refunds, application-fee refunds); net to organizer
// must equal the organizer's balance on the stand-in. The payouts view reads that balance through the SDK.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPayoutOverview } from "@/lib/payments/get-payout-overview";
import { PLATFORM } from "@/lib/payments/testing/stand-in-ledger";
import type { StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { stubStripeEnv, stubStripeKeys } from "@/lib/payments/testing/stub-stripe-env";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { requestRefund, type RefundActor } from "@/lib/refunds/request-refund";
import { createStripePaidOrder, runJobs } from "@/lib/refunds/testing";
import { getEventSummary } from "@/lib/reports/get-event-summary";
import { getOrganizerDashboard } from "@/lib/reports/get-organizer-dashboard";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const sum = (values: Iterable<number>) => [...values].reduce((total, v) => total + v, 0);

let standIn: StripeStandIn;

async function sellAndRefund() {
  const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, { feeModel: "buyer_pays" });
  const ten = await createTier(event.id, { name: "Ten", priceMinor: 1_000 });
  const hundred = await createTier(event.id, { name: "Hundred", priceMinor: 10_000 });
  await db.discount.create({
    data: { eventId: event.id, code: "TENOFF", kind: "percent", percentBps: 1_000 },
  });
  const actor: RefundActor = { userId: owner.userId, organizerId: organizer.id, isAdmin: false };

  const a = await createStripePaidOrder(standIn, event.id, [
    { tierId: ten.id, quantity: 2 },
    { tierId: hundred.id, quantity: 1 },
  ]);
  const b = await createStripePaidOrder(standIn, event.id, [{ tierId: hundred.id, quantity: 1 }], {
    discountCode: "TENOFF",
  });
  const c = await createStripePaidOrder(standIn, event.id, [{ tierId: ten.id, quantity: 3 }]);
  const d = await createStripePaidOrder(standIn, event.id, [{ tierId: ten.id, quantity: 1 }], {
    chargeType: "direct",
  });
  const e = await createStripePaidOrder(standIn, event.id, [{ tierId: hundred.id, quantity: 2 }], {
    chargeType: "direct",
  });
  stubStripeKeys(standIn.url);
  await requestRefund(actor, a.id, {
    reason: "one ticket",
    ticketIds: [a.tickets.find((t) => t.tierId === ten.id)!.id],
  });
  await requestRefund(actor, c.id, { reason: "whole order" });
  await requestRefund(actor, e.id, { reason: "one ticket", ticketIds: [e.tickets[0]!.id] });
  await requestRefund(actor, d.id, { reason: "some money back", amountMinor: 300 });
  await runJobs();
  return { organizer, event, orders: [a, b, c, d, e], account: a.stripeAccountId ?? "" };
}

describe("dashboard figures reconcile with the order rows and with Stripe", () => {
  const stripe = withStripeStandIn();
  beforeEach(() => {
    standIn = stripe.current;
    standIn.refundStatus = "succeeded";
  });

  it("gross, fees, refunds and net equal the rows and the money the stand-in was sent and moved", async () => {
    const { organizer, event, orders, account } = await sellAndRefund();
    const rows = await db.order.findMany({ where: { eventId: event.id, organizerId: organizer.id } });
    const refunds = await db.refund.findMany({ where: { organizerId: organizer.id } });
    expect(rows.map((o) => o.status).sort()).toEqual([
      "paid",
      "partially_refunded",
      "partially_refunded",
      "partially_refunded",
      "refunded",
    ]);
    expect(refunds.every((r) => r.status === "succeeded" && r.settledAt !== null)).toBe(true);

    const summary = await getEventSummary(organizer.id, event.id);
    expect(summary.money).toHaveLength(1);
    const money = summary.money[0]!;

    // The rows.
    expect(money.orders).toBe(5);
    expect(money.grossMinor).toBe(sum(rows.map((o) => o.totalMinor)));
    expect(money.platformFeesMinor).toBe(sum(rows.map((o) => o.applicationFeeMinor)));
    expect(money.refundsMinor).toBe(sum(refunds.map((r) => r.amountMinor)));
    expect(money.refundsMinor).toBe(sum(rows.map((o) => o.refundedMinor)));
    expect(money.platformRefundsMinor).toBe(sum(refunds.map((r) => r.applicationFeeMinor ?? 0)));
    expect(money.taxMinor).toBe(sum(rows.map((o) => o.taxMinor)));
    expect(sum(summary.taxes.map((t) => t.amountMinor))).toBe(money.taxMinor);
    expect(summary.taxes.map((t) => t.name)).toEqual(["GST", "PST"]);
    expect(money.tickets).toBe(2 + 1 + 1 + 3 + 1 + 2);
    expect(summary.discounts).toEqual([
      {
        id: expect.any(String),
        code: "TENOFF",
        usage: [{ currency: "cad", orders: 1, discountMinor: orders[1]!.discountMinor }],
      },
    ]);
    expect(orders[1]!.discountMinor).toBeGreaterThan(0);

    // What Stripe was sent and moved.
    const sessions = [...standIn.sessions.values()].filter((s) => s.status === "complete");
    expect(sessions).toHaveLength(5);
    expect(money.grossMinor).toBe(sum(sessions.map((s) => Number(s.amount_total))));
    const sentFees = standIn.requests
      .filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")
      .map((r) => Number(r.form["payment_intent_data[application_fee_amount]"] ?? 0));
    expect(money.platformFeesMinor).toBe(sum(sentFees));
    expect(money.platformFeesMinor).toBe(
      sum([...standIn.ledger.applicationFees.values()].map((f) => f.amount)),
    );
    expect(money.refundsMinor).toBe(sum([...standIn.refunds.values()].map((r) => Number(r.amount))));
    expect(money.platformRefundsMinor).toBe(
      sum([...standIn.ledger.feeRefunds.values()].map((r) => Number(r.amount))),
    );
    // Net to organizer is the organizer's balance on Stripe (before Stripe's processing fees, which the
    // stand-in leaves out); the platform kept exactly the fees net of their refunds.
    expect(money.netMinor).toBe(standIn.balance(account));
    expect(money.platformFeesMinor - money.platformRefundsMinor).toBe(standIn.balance(PLATFORM));

    const dashboard = await getOrganizerDashboard(organizer.id);
    expect(dashboard.totals).toEqual(summary.money);
  });

  it("payouts: the connected account's balance and payouts read through the SDK, next to the recorded net", async () => {
    const { organizer, account } = await sellAndRefund();
    const net = (await getOrganizerDashboard(organizer.id)).totals[0]!.netMinor;
    standIn.ledger.payout(account, 1_500, "cad");
    standIn.ledger.payout(account, 500, "cad", "in_transit");
    standIn.ledger.pendingBalances.set(account, new Map([["cad", 700]]));
    stubStripeKeys(standIn.url);

    const overview = await getPayoutOverview(organizer.id);
    expect(overview).toMatchObject({
      source: "stripe",
      error: null,
      available: [{ currency: "cad", amountMinor: net - 2_000 }],
      pending: [{ currency: "cad", amountMinor: 700 }],
      recorded: [{ currency: "cad", netMinor: net }],
    });
    expect(overview.payouts.map((p) => [p.amountMinor, p.status])).toEqual([
      [500, "in_transit"],
      [1_500, "paid"],
    ]);
    const reads = standIn.requests.filter((r) => r.path === "/v1/balance" || r.path === "/v1/payouts");
    expect(reads.map((r) => [r.method, r.path, r.headers["stripe-account"]])).toEqual(
      expect.arrayContaining([
        ["GET", "/v1/balance", account],
        ["GET", "/v1/payouts", account],
      ]),
    );

    standIn.failWhen = ({ path }) => (path === "/v1/balance" ? 500 : null);
    const down = await getPayoutOverview(organizer.id);
    expect(down).toMatchObject({ source: "stripe", available: [], recorded: [{ netMinor: net }] });
    expect(down.error).toMatch(/could not be reached/);
  });

  it("payouts in test mode (no keys): a stand-in balance from the stored orders, asking Stripe nothing", async () => {
    const { organizer } = await sellAndRefund();
    const net = (await getOrganizerDashboard(organizer.id)).totals[0]!.netMinor;
    stubStripeEnv();
    const before = standIn.requests.length;
    expect(await getPayoutOverview(organizer.id)).toMatchObject({
      source: "test_mode",
      available: [{ currency: "cad", amountMinor: net }],
      payouts: [],
    });
    expect(standIn.requests.length).toBe(before);
  });
});
