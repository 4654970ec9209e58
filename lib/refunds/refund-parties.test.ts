// Refunds move exactly what the allocation says, per party (buyer, organizer, platform), measured on the
// balances of the Stripe stand-in, which applies Stripe's own semantics (pro-rata flags included).
import fc from "fast-check";
import Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { getOrderSummary } from "@/lib/orders/get-order-summary";
import { stripeApiBaseOptions } from "@/lib/payments/stripe-client";
import type { StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { parseStoredAllocation } from "@/lib/refunds/refund-allocation";
import { requestRefund, type RefundActor } from "@/lib/refunds/request-refund";
import { submitRefundJob } from "@/lib/refunds/submit-refund-job";
import { createStripePaidOrder, runJobs } from "@/lib/refunds/testing";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

type PaidOrder = Awaited<ReturnType<typeof createStripePaidOrder>>;

let standIn: StripeStandIn;

/** What the buyer got back and what the organizer's and the platform's balances moved by, during `act`. */
async function parties(account: string, act: () => Promise<unknown>) {
  const refunded = () => [...standIn.refunds.values()].reduce((sum, r) => sum + Number(r.amount), 0);
  const before = { buyer: refunded(), organizer: standIn.balance(account), platform: standIn.balance() };
  await act();
  return {
    buyer: refunded() - before.buyer,
    organizer: standIn.balance(account) - before.organizer,
    platform: standIn.balance() - before.platform,
  };
}

/** Per party, what a refund of R with a platform part F must move (written so that 0 is never −0). */
function expected(refund: number, platformPart: number) {
  return { buyer: refund, organizer: platformPart - refund, platform: 0 - platformPart };
}

/** The refund the old code sent: Stripe's pro-rata flags (stripe.md §1.5), straight through the SDK. */
function refundWithProRataFlags(order: PaidOrder, amount: number) {
  const stripe = new Stripe("sk_test_stagedoor_standin", {
    maxNetworkRetries: 0,
    ...stripeApiBaseOptions(standIn.url),
  });
  const direct = order.chargeType === "direct";
  return stripe.refunds.create(
    {
      payment_intent: order.stripePaymentIntentId ?? "",
      amount,
      refund_application_fee: true,
      ...(direct ? {} : { reverse_transfer: true }),
    },
    direct ? { stripeAccount: order.stripeAccountId ?? "" } : undefined,
  );
}

async function setUp(options: { feeModel?: "buyer_pays" | "organizer_absorbs"; taxes?: unknown[] } = {}) {
  const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, {
    feeModel: options.feeModel ?? "buyer_pays",
    taxes: (options.taxes ?? []) as never,
  });
  const ten = await createTier(event.id, { name: "Ten", priceMinor: 1_000 });
  const hundred = await createTier(event.id, { name: "Hundred", priceMinor: 10_000 });
  const actor: RefundActor = { userId: owner.userId, organizerId: organizer.id, isAdmin: false };
  return { organizer, event, ten, hundred, actor };
}

/** Our refund, end to end: request → refunds.submit → Stripe → applyRefund → refunds.settle. */
async function refundThroughUs(actor: RefundActor, orderId: string, input: Record<string, unknown>) {
  const requested = await requestRefund(actor, orderId, { reason: "test", ...input });
  await runJobs();
  return db.refund.findUniqueOrThrow({ where: { id: requested.id } });
}

describe("refunds move exactly the allocation between buyer, organizer and platform", () => {
  const stripe = withStripeStandIn();
  beforeEach(() => {
    standIn = stripe.current;
    standIn.refundStatus = "succeeded";
  });

  it("$10 + $100, buyer pays 99¢ + 2.5%: the pro-rata flags take ~$10.79 from the organizer; we take $10.00", async () => {
    const { event, ten, hundred, actor } = await setUp();
    const cart = [
      { tierId: ten.id, quantity: 1 },
      { tierId: hundred.id, quantity: 1 },
    ];
    // Fees per ticket: (99 + 25) / 0.975 = 127.2 → 127 and (99 + 250) / 0.975 = 357.9 → 358; total 11485.
    const before = await createStripePaidOrder(standIn, event.id, cart);
    expect(before).toMatchObject({ totalMinor: 11_485, applicationFeeMinor: 485 });
    const account = before.stripeAccountId ?? "";

    // Today's bug, as Stripe applies it: 485 × 1127 / 11485 = 47.6 → 48¢ of the ticket's 127¢ fee come
    // back, and the organizer is debited 1079 for a ticket that netted it 1000.
    const flags = await parties(account, () => refundWithProRataFlags(before, 1_127));
    expect(flags).toEqual({ buyer: 1_127, organizer: -1_079, platform: -48 });

    const order = await createStripePaidOrder(standIn, event.id, cart);
    const tenTicket = order.tickets.find((t) => t.tierId === ten.id);
    const exact = await parties(account, () =>
      refundThroughUs(actor, order.id, { ticketIds: [tenTicket?.id] }),
    );
    expect(exact).toEqual({ buyer: 1_127, organizer: -1_000, platform: -127 });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund).toMatchObject({
      status: "succeeded",
      amountMinor: 1_127,
      applicationFeeMinor: 127,
      transferReversedMinor: 1_127,
      applicationFeeRefundedMinor: 127,
      settlementError: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: order.id, action: "tickets.refund.settled" },
    });
    expect(audit.data).toMatchObject({ buyerMinor: 1_127, organizerMinor: 1_000, platformMinor: 127 });
  });

  it.each(["destination", "direct"] as const)(
    "a full %s-charge refund moves exactly what the pro-rata flags move",
    async (chargeType) => {
      const { event, ten, hundred, actor } = await setUp({
        feeModel: "organizer_absorbs",
        taxes: [{ name: "GST", rateBps: 500, inclusive: false }],
      });
      const cart = [
        { tierId: ten.id, quantity: 2 },
        { tierId: hundred.id, quantity: 1 },
      ];
      const first = await createStripePaidOrder(standIn, event.id, cart, { chargeType });
      const account = first.stripeAccountId ?? "";
      const flags = await parties(account, () => refundWithProRataFlags(first, first.totalMinor));
      const second = await createStripePaidOrder(standIn, event.id, cart, { chargeType });
      const exact = await parties(account, () => refundThroughUs(actor, second.id, {}));
      expect(exact).toEqual(flags);
      expect(exact).toEqual(expected(second.totalMinor, second.applicationFeeMinor));
    },
  );

  it("retries a later step on its own; a refused step leaves the refund done and the failure visible", async () => {
    const { event, ten, hundred, actor } = await setUp();
    const order = await createStripePaidOrder(standIn, event.id, [
      { tierId: ten.id, quantity: 1 },
      { tierId: hundred.id, quantity: 1 },
    ]);
    const tenTicket = order.tickets.find((t) => t.tierId === ten.id)?.id;
    standIn.failWhen = ({ path }) => (path.endsWith("/reversals") ? 500 : null);
    let refund = await refundThroughUs(actor, order.id, { ticketIds: [tenTicket] });
    expect(refund).toMatchObject({ status: "succeeded", stripeTransferReversalId: null, settledAt: null });
    standIn.failWhen = null;
    await runJobs({ includeRetries: true });
    refund = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(refund.settledAt).not.toBeNull();
    expect(standIn.ledger.reversals.size).toBe(1);
    expect(standIn.requests.filter((r) => r.path === "/v1/refunds" && r.method === "POST")).toHaveLength(1);

    standIn.failWhen = ({ path }) => (path.includes("/application_fees/") ? 400 : null);
    standIn.failMessage = "The application fee has already been refunded.";
    const hundredTicket = order.tickets.find((t) => t.tierId === hundred.id)?.id;
    const refused = await refundThroughUs(actor, order.id, { ticketIds: [hundredTicket] });
    expect(refused).toMatchObject({
      status: "succeeded",
      settledAt: null,
      settlementError: "Stripe: The application fee has already been refunded.",
      transferReversedMinor: 10_358,
    });
    expect(
      await db.auditLog.count({ where: { entityId: order.id, action: "tickets.refund.settlement_failed" } }),
    ).toBe(1);
    expect(await db.job.count({ where: { name: "refunds.settle", status: { not: "succeeded" } } })).toBe(0);
  });

  it("settles a pending refund of the whole charge created without an allocation (a late payment's)", async () => {
    const { event, ten, hundred } = await setUp({ feeModel: "organizer_absorbs" });
    const order = await createStripePaidOrder(standIn, event.id, [
      { tierId: ten.id, quantity: 1 },
      { tierId: hundred.id, quantity: 3 },
    ]);
    await db.ticket.deleteMany({ where: { orderId: order.id } });
    await db.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    const row = await db.refund.create({
      data: {
        organizerId: order.organizerId,
        orderId: order.id,
        amountMinor: order.totalMinor,
        reason: "Payment arrived after the seats were sold",
      },
    });
    const moved = await parties(order.stripeAccountId ?? "", async () => {
      await enqueueJob(submitRefundJob, { refundId: row.id });
      await runJobs();
    });
    expect(moved).toEqual(expected(order.totalMinor, order.applicationFeeMinor));
    expect(await db.refund.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      applicationFeeMinor: order.applicationFeeMinor,
      transferReversedMinor: order.totalMinor,
      applicationFeeRefundedMinor: order.applicationFeeMinor,
    });
  });

  it("Stripe Tax: the order stores what Stripe charged; the passes page shows it; a full refund returns it", async () => {
    const { organizer, event, ten, hundred, actor } = await setUp();
    // Taxes configured on the event are not used once Stripe Tax computes them: not on the page either.
    await db.event.update({
      where: { id: event.id },
      data: { stripeTaxEnabled: true, taxes: [{ name: "HST", rateBps: 1_300, inclusive: false }] },
    });
    const page = await getPublicEvent(event.slug);
    const shown = new Map(page?.tiers.map((t) => [t.id, t.price.totalMinor]));
    const cart = [
      { tierId: ten.id, quantity: 2 },
      { tierId: hundred.id, quantity: 1 },
    ];
    const order = await createStripePaidOrder(standIn, event.id, cart, {
      taxes: [
        { displayName: "GST", rateBps: 500 },
        { displayName: "PST", rateBps: 700, jurisdiction: "BC" },
      ],
    });
    const session = standIn.sessions.get(order.stripeCheckoutSessionId ?? "");
    const amountTax = (session?.total_details as { amount_tax: number }).amount_tax;
    expect(amountTax).toBeGreaterThan(0);
    expect(order.totalMinor).toBe(session?.amount_total);
    expect(order.totalMinor - amountTax).toBe(
      cart.reduce((sum, line) => sum + (shown.get(line.tierId) ?? NaN) * line.quantity, 0),
    );
    expect(order.taxMinor).toBe(amountTax);
    expect(order.taxLines).toMatchObject([
      { name: "GST", rateBps: 500 },
      { name: "PST", rateBps: 700 },
    ]);
    expect(order.items.reduce((sum, i) => sum + i.totalMinor, 0)).toBe(order.totalMinor);
    expect(order.items.reduce((sum, i) => sum + i.taxMinor, 0)).toBe(amountTax);

    const summary = await getOrderSummary({ orderId: order.id, organizerId: organizer.id, via: "token" });
    expect(summary.totals).toMatchObject({ taxMinor: amountTax, totalMinor: order.totalMinor });
    expect(summary.taxLines.reduce((sum, t) => sum + t.amountMinor, 0)).toBe(amountTax);

    const moved = await parties(order.stripeAccountId ?? "", () => refundThroughUs(actor, order.id, {}));
    expect(moved).toEqual(expected(order.totalMinor, order.applicationFeeMinor));
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(parseStoredAllocation(refund.allocation)).toMatchObject({ taxMinor: amountTax });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "refunded",
      refundedMinor: order.totalMinor,
    });
  });

  it("property: random carts and random partial refunds move, per party, exactly the allocation", async () => {
    const { organizer, owner } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
    const actor: RefundActor = { userId: owner.userId, organizerId: organizer.id, isAdmin: false };
    const account = organizer.stripeAccountId ?? `acct_test_${organizer.id}`;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          chargeType: fc.constantFrom("destination" as const, "direct" as const),
          feeModel: fc.constantFrom("buyer_pays" as const, "organizer_absorbs" as const),
          taxes: fc.constantFrom(
            [],
            [{ name: "GST", rateBps: 500, inclusive: false }],
            [
              { name: "GST", rateBps: 500, inclusive: true },
              { name: "PST", rateBps: 700, inclusive: true },
            ],
          ),
          discountBps: fc.option(fc.integer({ min: 1, max: 5_000 })),
          tiers: fc.array(
            fc.record({
              price: fc.integer({ min: 0, max: 20_000 }),
              quantity: fc.integer({ min: 1, max: 3 }),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          steps: fc.array(
            fc.oneof(
              fc.record({ kind: fc.constant("ticket" as const), index: fc.nat() }),
              fc.record({
                kind: fc.constant("amount" as const),
                percent: fc.integer({ min: 1, max: 60 }),
              }),
            ),
            { maxLength: 4 },
          ),
        }),
        async ({ chargeType, feeModel, taxes, discountBps, tiers, steps }) => {
          const event = await createOnSaleEvent(organizer.id, { feeModel, taxes });
          const created = [];
          for (const [i, t] of tiers.entries()) {
            created.push(await createTier(event.id, { name: `T${i}`, priceMinor: t.price }));
          }
          if (discountBps !== null) {
            await db.discount.create({
              data: { eventId: event.id, code: "SAVE", kind: "percent", percentBps: discountBps },
            });
          }
          const cart = created.map((tier, i) => ({ tierId: tier.id, quantity: tiers[i]?.quantity ?? 1 }));
          // At least CA$2 before a discount of at most half: above the card minimum, never free.
          const listPrice = cart.reduce((sum, line, i) => sum + (tiers[i]?.price ?? 0) * line.quantity, 0);
          if (listPrice < 200) return;
          const order = await createStripePaidOrder(standIn, event.id, cart, {
            chargeType,
            ...(discountBps !== null ? { discountCode: "SAVE" } : {}),
          });
          let taxLeft = order.taxMinor;
          const refundOnce = async (input: Record<string, unknown>) => {
            let refund: {
              amountMinor: number;
              applicationFeeMinor: number | null;
              allocation: unknown;
            } | null = null;
            const moved = await parties(account, async () => {
              try {
                refund = await refundThroughUs(actor, order.id, input);
              } catch (error) {
                if (!isAppError(error)) throw error; // e.g. only free tickets chosen: nothing to refund
              }
            });
            if (!refund) return expect(moved).toEqual({ buyer: 0, organizer: 0, platform: 0 });
            const { amountMinor, applicationFeeMinor, allocation } = refund;
            expect(moved).toEqual(expected(amountMinor, applicationFeeMinor ?? NaN));
            // The organizer still holds at least the tax it must remit on what was not refunded.
            taxLeft -= (allocation as { taxMinor: number }).taxMinor;
            expect(standIn.balance(account)).toBeGreaterThanOrEqual(taxLeft);
          };
          for (const step of steps) {
            const valid = await db.ticket.findMany({ where: { orderId: order.id, status: "valid" } });
            const left = await db.order.findUniqueOrThrow({ where: { id: order.id } });
            if (left.totalMinor === left.refundedMinor) break;
            if (step.kind === "ticket" && valid.length > 0) {
              await refundOnce({ ticketIds: [valid[step.index % valid.length]?.id] });
            } else if (step.kind === "amount") {
              const amount = Math.floor(((left.totalMinor - left.refundedMinor) * step.percent) / 100);
              if (amount > 0) await refundOnce({ amountMinor: amount });
            }
          }
          const rest = await db.order.findUniqueOrThrow({ where: { id: order.id } });
          if (rest.refundedMinor < rest.totalMinor) await refundOnce({});
          // Every party is back where it was before the order: nobody gained or lost a cent.
          const charge = standIn.ledger.charges.get(
            standIn.ledger.paymentIntents.get(order.stripePaymentIntentId ?? "")?.charge ?? "",
          );
          expect(charge?.amountRefunded).toBe(order.totalMinor);
          const fee = charge?.applicationFee
            ? standIn.ledger.applicationFees.get(charge.applicationFee)
            : null;
          expect(fee?.amountRefunded ?? 0).toBe(order.applicationFeeMinor);
          const settlement = await db.refund.findMany({ where: { orderId: order.id } });
          expect(settlement.every((r) => r.settledAt !== null && r.settlementError === null)).toBe(true);
        },
      ),
      { numRuns: 8 },
    );
    expect(standIn.balance(account)).toBe(0);
    expect(standIn.balance()).toBe(0);
  });
});
