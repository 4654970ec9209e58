import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  buildCheckoutSessionParams,
  type CheckoutSessionInput,
} from "@/lib/checkout/build-checkout-session-params";
import { priceOrder, type PriceOrderInput } from "@/lib/money/price-order";

const fee = { fixedMinor: 99, percentBps: 250, minMinor: 0, maxMinor: 2000 };
const gstPst = [
  { name: "GST", rateBps: 500, inclusive: false },
  { name: "PST", rateBps: 700, inclusive: false },
];

function input(
  pricing: Partial<PriceOrderInput>,
  overrides: Partial<CheckoutSessionInput> = {},
): CheckoutSessionInput {
  const priced = priceOrder({
    currency: "cad",
    lines: [
      { tierId: "ga", name: "General Admission", unitPriceMinor: 2500, quantity: 2 },
      { tierId: "vip", name: "VIP", unitPriceMinor: 6000, quantity: 1 },
    ],
    taxes: gstPst,
    feeModel: "buyer_pays",
    platformFee: fee,
    ...pricing,
  });
  return {
    orderId: "ord_1",
    priced,
    event: { title: "Night Owls", stripeTaxEnabled: false },
    buyerEmail: "fan@example.test",
    stripeAccountId: "acct_ORG",
    chargeType: "destination",
    expiresAt: 1_900_000_000,
    successUrl: "http://localhost:3000/tickets/order/ord_1?token=t",
    cancelUrl: "http://localhost:3000/tickets/e/night-owls",
    ...overrides,
  };
}

describe("buildCheckoutSessionParams", () => {
  it("builds a destination charge on behalf of the organizer with the platform's cut as application fee", () => {
    const data = input({});
    const { params, options } = buildCheckoutSessionParams(data);
    expect(params.payment_intent_data).toEqual({
      application_fee_amount: data.priced.applicationFeeMinor,
      transfer_data: { destination: "acct_ORG" },
      on_behalf_of: "acct_ORG",
      metadata: { order_id: "ord_1" },
    });
    expect(params.metadata).toEqual({ order_id: "ord_1" });
    expect(params.client_reference_id).toBe("ord_1");
    expect(params.expires_at).toBe(1_900_000_000);
    expect(options).toEqual({ idempotencyKey: "checkout:create:ord_1" });
    const names = params.line_items?.map((l) => l.price_data?.product_data?.name);
    expect(names).toEqual([
      "General Admission — Night Owls",
      "VIP — Night Owls",
      "Service fee",
      "GST (5%)",
      "PST (7%)",
    ]);
  });

  it("builds a direct charge on the organizer's account with no transfer", () => {
    const { params, options } = buildCheckoutSessionParams(input({}, { chargeType: "direct" }));
    expect(params.payment_intent_data?.transfer_data).toBeUndefined();
    expect(params.payment_intent_data?.on_behalf_of).toBeUndefined();
    expect(options).toEqual({ idempotencyKey: "checkout:create:ord_1", stripeAccount: "acct_ORG" });
  });

  it("omits the fee line when the organizer absorbs it and tax lines when taxes are included", () => {
    const { params } = buildCheckoutSessionParams(
      input({ feeModel: "organizer_absorbs", taxes: [{ name: "HST", rateBps: 1300, inclusive: true }] }),
    );
    expect(params.line_items?.map((l) => l.price_data?.product_data?.name)).toEqual([
      "General Admission — Night Owls",
      "VIP — Night Owls",
    ]);
  });

  it("hands taxes to Stripe Tax with the organizer liable when the event uses it", () => {
    const { params } = buildCheckoutSessionParams(
      input({ taxes: [] }, { event: { title: "Night Owls", stripeTaxEnabled: true } }),
    );
    expect(params.automatic_tax).toEqual({
      enabled: true,
      liability: { type: "account", account: "acct_ORG" },
    });
    // Stripe Tax adds its tax on top of every price we send.
    expect(params.line_items?.map((l) => l.price_data?.tax_behavior)).toEqual([
      "exclusive",
      "exclusive",
      "exclusive",
    ]);
  });

  it("always charges exactly the priced total, whatever the cart", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ price: fc.integer({ min: 0, max: 50_000 }), qty: fc.integer({ min: 1, max: 10 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.constantFrom("buyer_pays" as const, "organizer_absorbs" as const),
        fc.integer({ min: 0, max: 5000 }),
        (carts, feeModel, percentBps) => {
          const data = input({
            lines: carts.map((c, i) => ({
              tierId: `t${i}`,
              name: `T${i}`,
              unitPriceMinor: c.price,
              quantity: c.qty,
            })),
            feeModel,
            discount: { code: "TENOFF", kind: "percent", percentBps: 1000 },
            platformFee: { ...fee, percentBps },
          });
          const { params } = buildCheckoutSessionParams(data);
          const charged = (params.line_items ?? []).reduce(
            (sum, l) => sum + (l.price_data?.unit_amount ?? 0) * (l.quantity ?? 1),
            0,
          );
          return (
            charged === data.priced.totalMinor &&
            (params.payment_intent_data?.application_fee_amount ?? 0) <= charged
          );
        },
      ),
    );
  });
});
