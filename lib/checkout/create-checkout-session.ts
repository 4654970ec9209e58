// A buyer starts checkout: everything is validated and priced on the server (client prices are never
// read), seats are held in the same transaction that creates the pending order (reserveSeats, which serves
// buyers arriving together in one transaction), and only after it commits is Stripe called. Free orders
// skip Stripe and are issued at once.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { buildCheckoutSessionParams } from "@/lib/checkout/build-checkout-session-params";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import { testModePaymentUrl } from "@/lib/checkout/test-mode-payment";
import { db } from "@/lib/db";
import { findApplicableDiscount } from "@/lib/discounts/find-applicable-discount";
import type { DiscountSummary } from "@/lib/discounts/discount-rules";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { reserveSeats } from "@/lib/inventory/reserve-seats";
import { log } from "@/lib/log";
import { priceOrder, type DiscountInput, type PricedOrder } from "@/lib/money/price-order";
import { taxLinesSchema } from "@/lib/money/schemas";
import { orderAccessTokenFor, orderPassesUrl } from "@/lib/orders/order-access-token";
import { assertCanSellPaid } from "@/lib/payments/assert-can-sell-paid";
import { getStripe } from "@/lib/payments/stripe-client";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";

/**
 * How long a buyer has to pay: the order's expiresAt and its Checkout Session's expires_at, from the
 * reservation's time on the database's clock. Stripe wants 30 minutes at least, by its own clock, when the
 * session is created; the extra minute covers the call coming after the reservation and clocks that differ.
 * The holds last HOLD_GRACE_MS longer (lib/inventory/hold-grace.ts).
 */
export const CHECKOUT_SESSION_MS = 30 * 60 * 1000 + 60 * 1000;
const MAX_LINES = 20;

export const checkoutRequestSchema = z.object({
  eventId: z.string().trim().min(1).max(64),
  items: z
    .array(
      z.object({
        tierId: z.string().trim().min(1).max(64),
        quantity: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }),
      }),
    )
    .min(1, { error: "choose at least one ticket" })
    .max(MAX_LINES),
  buyer: z.object({
    email: z.email({ error: "must be a valid email address" }).max(254).toLowerCase(),
    name: z.string().trim().min(1, { error: "is required" }).max(120),
  }),
  discountCode: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export interface CheckoutResult {
  orderId: string;
  /** Where to send the buyer: Stripe Checkout, the test-mode payment page, or (free orders) the passes. */
  url: string;
  free: boolean;
}

export async function createCheckoutSession(input: unknown, now = new Date()): Promise<CheckoutResult> {
  if (!env.TICKETING_CHECKOUT) {
    throw new AppError("feature_disabled", "Ticket sales are paused on this platform right now.");
  }
  const request = parseInput(checkoutRequestSchema, input);
  const event = await db.event.findFirst({
    where: { id: request.eventId, status: "published", organizer: { status: "active" } },
    select: {
      id: true,
      slug: true,
      title: true,
      currency: true,
      endsAt: true,
      taxes: true,
      feeModel: true,
      stripeTaxEnabled: true,
      organizer: {
        select: { id: true, stripeAccountId: true, stripeChargesEnabled: true, stripeTestMode: true },
      },
      tiers: {
        select: {
          id: true,
          name: true,
          priceMinor: true,
          maxPerOrder: true,
          salesStartAt: true,
          salesEndAt: true,
          visibility: true,
        },
      },
    },
  });
  if (!event) throw AppError.notFound("This event is not on sale.");
  if (event.endsAt <= now) throw AppError.conflict("This event has ended.");

  const quantities = mergeItems(request.items);
  const tierIds = [...quantities.keys()];
  const discount = request.discountCode
    ? (await findApplicableDiscount(db, { eventId: event.id, code: request.discountCode, tierIds, now }))
        .discount
    : null;

  const lines = tierIds.map((tierId, index) => {
    const tier = event.tiers.find((t) => t.id === tierId);
    const unlockedByCode = discount !== null && discount.tierIds.includes(tierId);
    if (!tier || (tier.visibility === "hidden" && !unlockedByCode)) {
      throw new AppError("not_found", "One of the tickets you picked does not exist.", {
        fields: [{ field: `items.${index}.tierId`, message: "not found" }],
      });
    }
    const quantity = quantities.get(tierId) ?? 0;
    if (quantity < 1) {
      throw new AppError("validation", `Choose at least 1 ${tier.name} ticket.`, {
        fields: [{ field: `items.${index}.quantity`, message: "must be at least 1" }],
      });
    }
    if (quantity > tier.maxPerOrder) {
      throw new AppError("validation", `At most ${tier.maxPerOrder} ${tier.name} tickets per order.`, {
        fields: [{ field: `items.${index}.quantity`, message: `must be at most ${tier.maxPerOrder}` }],
      });
    }
    if (tier.salesStartAt && now < tier.salesStartAt)
      throw AppError.conflict(`${tier.name} is not on sale yet.`);
    if (tier.salesEndAt && now >= tier.salesEndAt)
      throw AppError.conflict(`Sales for ${tier.name} have ended.`);
    return { tierId, name: tier.name, unitPriceMinor: tier.priceMinor, quantity };
  });

  const taxes = event.stripeTaxEnabled ? [] : taxLinesSchema.catch([]).parse(event.taxes);
  const priced = priceOrder({
    currency: event.currency,
    lines,
    discount: discount ? toDiscountInput(discount) : null,
    taxes,
    feeModel: event.feeModel,
    platformFee: await getPlatformFee(event.currency),
  });
  const free = priced.totalMinor === 0;
  if (!free) assertCanSellPaid(event.organizer);

  const orderId = randomUUID();
  const accessToken = orderAccessTokenFor(orderId);
  const { expiresAt } = await reserveSeats(db, {
    order: {
      id: orderId,
      organizerId: event.organizer.id,
      eventId: event.id,
      status: "pending",
      buyerEmail: request.buyer.email,
      buyerName: request.buyer.name,
      currency: priced.currency,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      feeMinor: priced.feeMinor,
      taxMinor: priced.taxMinor,
      totalMinor: priced.totalMinor,
      applicationFeeMinor: priced.applicationFeeMinor,
      taxLines: priced.taxes.map((t) => ({ ...t })),
      discountId: discount?.id ?? null,
      accessTokenHash: accessToken.hash,
      chargeType: env.STRIPE_CHARGE_TYPE,
      stripeAccountId: event.organizer.stripeAccountId,
    },
    items: priced.lines.map(toOrderItem),
    lines: priced.lines.map((l) => ({ tierId: l.tierId, quantity: l.quantity })),
    payWithinMs: CHECKOUT_SESSION_MS,
    discount: discount ? { id: discount.id, maxUses: discount.maxUses } : null,
  });
  const passesUrl = orderPassesUrl(orderId, accessToken.token);
  log.info(
    { event: "tickets.checkout.held", orderId, eventId: event.id, totalMinor: priced.totalMinor },
    "seats held",
  );

  if (free) {
    await fulfillOrder(orderId, { kind: "free" }, now);
    return { orderId, url: passesUrl, free: true };
  }

  const stripe = getStripe();
  if (!stripe) {
    await db.order.update({
      where: { id: orderId },
      data: { stripeCheckoutSessionId: `cs_test_${orderId}` },
    });
    return { orderId, url: testModePaymentUrl(orderId, accessToken.token), free: false };
  }
  try {
    const { params, options } = buildCheckoutSessionParams({
      orderId,
      priced,
      event: { title: event.title, stripeTaxEnabled: event.stripeTaxEnabled },
      buyerEmail: request.buyer.email,
      stripeAccountId: event.organizer.stripeAccountId ?? "",
      chargeType: env.STRIPE_CHARGE_TYPE,
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
      successUrl: passesUrl,
      cancelUrl: new URL(`/tickets/e/${event.slug}?checkout=cancelled`, env.APP_URL).toString(),
    });
    const session = await stripe.checkout.sessions.create(params, options);
    await db.order.update({ where: { id: orderId }, data: { stripeCheckoutSessionId: session.id } });
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
    return { orderId, url: session.url, free: false };
  } catch (error) {
    await db.$transaction(async (tx) => {
      await releaseHolds(tx, orderId);
      await tx.order.update({
        where: { id: orderId },
        data: { status: "cancelled", cancelledAt: new Date() },
      });
    });
    log.error(
      {
        event: "tickets.checkout.stripe_failed",
        orderId,
        err: error instanceof Error ? error.message : error,
      },
      "could not create the Stripe Checkout Session",
    );
    throw new AppError(
      "busy",
      "The payment page could not be opened. Your seats were released; please try again.",
      {
        retryAfterSeconds: 5,
        cause: error,
      },
    );
  }
}

function mergeItems(items: CheckoutRequest["items"]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.tierId, (merged.get(item.tierId) ?? 0) + item.quantity);
  return merged;
}

function toDiscountInput(discount: DiscountSummary): DiscountInput {
  const base = { code: discount.code, tierIds: discount.tierIds };
  return discount.kind === "percent"
    ? { ...base, kind: "percent", percentBps: discount.percentBps ?? 0 }
    : { ...base, kind: "fixed", amountMinor: discount.amountMinor ?? 0 };
}

function toOrderItem(line: PricedOrder["lines"][number]) {
  return {
    tierId: line.tierId,
    tierName: line.name,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountMinor: line.discountMinor,
    feeMinor: line.feeMinor,
    taxMinor: line.taxMinor,
    totalMinor: line.totalMinor,
    taxLines: line.taxes.map((t) => ({ ...t })),
  };
}
