// The Stripe Checkout Session for an order, as one pure function so the exact parameters are testable:
// line items per tier, a service-fee line when the buyer pays it, one line per exclusive tax (unless Stripe
// Tax computes taxes), the platform's cut as application_fee_amount, and the charge type's routing.
import type Stripe from "stripe";
import type { PricedOrder } from "@/lib/money/price-order";

export type ChargeType = "destination" | "direct";

export interface CheckoutSessionInput {
  orderId: string;
  priced: PricedOrder;
  event: { title: string; stripeTaxEnabled: boolean };
  buyerEmail: string;
  /** The organizer's connected account (acct_…). */
  stripeAccountId: string;
  chargeType: ChargeType;
  /** Unix seconds, computed once and stored on the order, so a retried create sends identical parameters. */
  expiresAt: number;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSessionRequest {
  params: Stripe.Checkout.SessionCreateParams;
  options: Stripe.RequestOptions;
}

export function buildCheckoutSessionParams(input: CheckoutSessionInput): CheckoutSessionRequest {
  const { priced } = input;
  const currency = priced.currency;
  // Stripe Tax adds its tax on top of our prices (fulfilment stores what it charged).
  const taxBehavior = input.event.stripeTaxEnabled ? { tax_behavior: "exclusive" as const } : {};
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = priced.lines.map((line) => ({
    quantity: line.quantity,
    price_data: {
      currency,
      ...taxBehavior,
      unit_amount: line.unitPriceMinor - line.unitDiscountMinor,
      product_data: {
        name: `${line.name} — ${input.event.title}`,
        ...(line.unitDiscountMinor > 0 && priced.discountCode
          ? { description: `Includes discount ${priced.discountCode}` }
          : {}),
      },
    },
  }));
  if (priced.feeMinor > 0) {
    lineItems.push({
      quantity: 1,
      price_data: {
        currency,
        ...taxBehavior,
        unit_amount: priced.feeMinor,
        product_data: { name: "Service fee" },
      },
    });
  }
  const manualTaxes = !input.event.stripeTaxEnabled && !priced.taxesInclusive;
  if (manualTaxes) {
    for (const tax of priced.taxes) {
      if (tax.amountMinor === 0) continue;
      lineItems.push({
        quantity: 1,
        price_data: {
          currency,
          unit_amount: tax.amountMinor,
          product_data: { name: `${tax.name} (${formatRate(tax.rateBps)})` },
        },
      });
    }
  }
  const charged = lineItems.reduce(
    (sum, item) => sum + (item.price_data?.unit_amount ?? 0) * (item.quantity ?? 1),
    0,
  );
  // With Stripe Tax the order is priced without our tax lines (Stripe adds tax on top), so this holds too.
  if (charged !== priced.totalMinor) {
    throw new Error(
      `checkout line items (${charged}) do not add up to the order total (${priced.totalMinor})`,
    );
  }

  const metadata = { order_id: input.orderId };
  const paymentIntentData: Stripe.Checkout.SessionCreateParams.PaymentIntentData = {
    application_fee_amount: priced.applicationFeeMinor,
    metadata,
    ...(input.chargeType === "destination"
      ? { transfer_data: { destination: input.stripeAccountId }, on_behalf_of: input.stripeAccountId }
      : {}),
  };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    client_reference_id: input.orderId,
    customer_email: input.buyerEmail,
    line_items: lineItems,
    payment_intent_data: paymentIntentData,
    metadata,
    expires_at: input.expiresAt,
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    ...(input.event.stripeTaxEnabled
      ? {
          automatic_tax: {
            enabled: true,
            ...(input.chargeType === "destination"
              ? { liability: { type: "account" as const, account: input.stripeAccountId } }
              : {}),
          },
        }
      : {}),
  };
  const options: Stripe.RequestOptions = {
    idempotencyKey: `checkout:create:${input.orderId}`,
    ...(input.chargeType === "direct" ? { stripeAccount: input.stripeAccountId } : {}),
  };
  return { params, options };
}

function formatRate(rateBps: number): string {
  return `${(rateBps / 100).toFixed(rateBps % 100 === 0 ? 0 : 2)}%`;
}
