// A buyer starts checkout: everything is validated and priced on the server (client prices are never
// read), seats are held in the same transaction that creates the pending order (reserveSeats, which serves
// buyers arriving together in one transaction), and only after it commits is Stripe called. Free orders
// skip Stripe and are issued at once.
import "server-only";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { buildCheckoutSessionParams } from "@/lib/checkout/build-checkout-session-params";
import { fulfillOrder } from "@/lib/checkout/fulfill-order";
import { testModePaymentUrl } from "@/lib/checkout/test-mode-payment";
import { db } from "@/lib/db";
import { findApplicableDiscount } from "@/lib/discounts/find-applicable-discount";
import { toDiscountInput } from "@/lib/discounts/to-discount-input";
import { env } from "@/lib/env";
import { AppError, isAppError, parseInput } from "@/lib/errors";
import { releaseHolds } from "@/lib/inventory/release-holds";
import { reserveSeats } from "@/lib/inventory/reserve-seats";
import { log } from "@/lib/log";
import { getMinimumChargeMinor } from "@/lib/money/currencies";
import { formatMoney } from "@/lib/money/format-money";
import { priceOrder } from "@/lib/money/price-order";
import { eventPricingTaxes } from "@/lib/money/schemas";
import { orderAccessTokenFor, orderPassesUrl } from "@/lib/orders/order-access-token";
import { pricedOrderColumns, pricedOrderItem } from "@/lib/orders/priced-order-rows";
import { SUSPENDED_SALES_MESSAGE } from "@/lib/organizers/assert-organizer-active";
import { assertCanSellPaid } from "@/lib/payments/assert-can-sell-paid";
import { getStripe } from "@/lib/payments/stripe-client";
import { testModeStripeId } from "@/lib/payments/test-mode-stripe-id";
import { getPlatformFee } from "@/lib/platform/get-platform-fee";
import { optionalHolderNameSchema } from "@/lib/tickets/holder-name";

/**
 * How long a buyer has to pay: the order's expiresAt and its Checkout Session's expires_at, from the
 * reservation's time on the database's clock. Stripe wants 30 minutes at least, by its own clock, when the
 * session is created; the extra minute covers the call coming after the reservation and clocks that differ.
 * The holds last HOLD_GRACE_MS longer (lib/inventory/hold-grace.ts).
 */
export const CHECKOUT_SESSION_MS = 30 * 60 * 1000 + 60 * 1000;
const MAX_LINES = 20;
const MAX_HOLDER_NAMES = 100;

export const checkoutRequestSchema = z.object({
  eventId: z.string().trim().min(1).max(64),
  items: z
    .array(
      z.object({
        tierId: z.string().trim().min(1).max(64),
        quantity: z.number({ error: "must be a number" }).int({ error: "must be a whole number" }),
        /** Optional name per seat (blank: the buyer's); the tickets' holder names when issued. */
        holderNames: z.array(optionalHolderNameSchema).max(MAX_HOLDER_NAMES).optional(),
      }),
    )
    .min(1, { error: "choose at least one ticket" })
    .max(MAX_LINES),
  buyer: z.object({
    email: z
      .email({ error: "Enter an email address like name@example.com" })
      .max(254, { error: "Email is too long (254 characters at most)" })
      .toLowerCase(),
    name: z
      .string({ error: "Enter your name" })
      .trim()
      .min(1, { error: "Enter your name" })
      .max(120, { error: "Name is too long (120 characters at most)" }),
  }),
  discountCode: z
    .string()
    .trim()
    .max(64, { error: "Discount code is too long (64 characters at most)" })
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
    where: { id: request.eventId, status: "published" },
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
        select: {
          id: true,
          status: true,
          stripeAccountId: true,
          stripeChargesEnabled: true,
          stripeTestMode: true,
        },
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
  if (event.organizer.status !== "active") throw AppError.conflict(SUSPENDED_SALES_MESSAGE);
  if (event.endsAt <= now) throw AppError.conflict("This event has ended.");

  const quantities = mergeItems(request.items);
  const holderNames = mergeHolderNames(request.items);
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
    const names = holderNames.get(tierId) ?? [];
    if (names.length > quantity) {
      throw new AppError("validation", `More names than ${tier.name} tickets.`, {
        fields: [{ field: `items.${index}.holderNames`, message: `must list at most ${quantity} names` }],
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

  const priced = priceOrder({
    currency: event.currency,
    lines,
    discount: discount ? toDiscountInput(discount) : null,
    taxes: eventPricingTaxes(event),
    feeModel: event.feeModel,
    platformFee: await getPlatformFee(event.currency),
  });
  const free = priced.totalMinor === 0;
  if (!free) {
    assertAboveMinimumCharge(priced.totalMinor, priced.currency);
    assertCanSellPaid(event.organizer);
  }

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
      ...pricedOrderColumns(priced),
      discountId: discount?.id ?? null,
      accessTokenHash: accessToken.hash,
      chargeType: env.STRIPE_CHARGE_TYPE,
      stripeAccountId: event.organizer.stripeAccountId,
    },
    items: priced.lines.map((line) => ({
      ...pricedOrderItem(line),
      // A blank keeps its seat's place: that ticket gets the buyer's name.
      holderNames: (holderNames.get(line.tierId) ?? []).map((name) => name ?? ""),
    })),
    lines: priced.lines.map((l) => ({ tierId: l.tierId, quantity: l.quantity })),
    payWithinMs: CHECKOUT_SESSION_MS,
    discount: discount ? { id: discount.id, maxUses: discount.maxUses } : null,
  });
  await undoIfSuspendedMeanwhile(event.organizer.id, orderId);
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
      data: { stripeCheckoutSessionId: testModeStripeId("cs") },
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
    // Stored whatever the order's state, so a payment on this session is always matched to the order.
    const stored = await db.order.update({
      where: { id: orderId },
      data: { stripeCheckoutSessionId: session.id },
      select: { status: true },
    });
    if (stored.status !== "pending") {
      // Cancelled meanwhile (the event was cancelled while this buyer checked out): close the session.
      await stripe.checkout.sessions.expire(
        session.id,
        {},
        { ...options, idempotencyKey: `checkout:expire:${orderId}` },
      );
      throw AppError.conflict("This event is no longer on sale.");
    }
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
    return { orderId, url: session.url, free: false };
  } catch (error) {
    if (isAppError(error)) throw error;
    await cancelUnpaidOrder(event.organizer.id, orderId, "stripe_unavailable");
    log.error(
      {
        event: "tickets.checkout.stripe_failed",
        orderId,
        err: error instanceof Error ? error.message : error,
      },
      "could not create the Stripe Checkout Session",
    );
    // Stripe's minimum also applies in the organizer's settlement currency: say so, never "try again".
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "amount_too_small") {
      throw belowMinimumError("the smallest card payment Stripe accepts for this organizer");
    }
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

/**
 * A suspension committed while this checkout reserved: the check above read the organizer before it. Read
 * again now that the reservation has committed; a suspension that committed first is seen, and the seats
 * go back. So no reservation committed after a suspension survives it (one committed before it is a sale
 * that came first).
 */
async function undoIfSuspendedMeanwhile(organizerId: string, orderId: string): Promise<void> {
  const organizer = await db.organizer.findUnique({ where: { id: organizerId }, select: { status: true } });
  if (organizer?.status === "active") return;
  await cancelUnpaidOrder(organizerId, orderId, "organizer_suspended");
  throw AppError.conflict(SUSPENDED_SALES_MESSAGE);
}

/** The pending order goes and its seats come back, audited, when checkout cannot carry on. */
async function cancelUnpaidOrder(
  organizerId: string,
  orderId: string,
  reason: "stripe_unavailable" | "organizer_suspended",
): Promise<void> {
  await db.$transaction(async (tx) => {
    await releaseHolds(tx, orderId);
    await tx.order.update({
      where: { id: orderId, organizerId },
      data: { status: "cancelled", cancelledAt: new Date() },
    });
    await recordAudit(tx, {
      organizerId,
      actorType: "system",
      action: "order.checkout_cancelled",
      entityType: "order",
      entityId: orderId,
      data: { reason },
    });
  });
}

/** Stripe refuses card payments below its minimum for the currency: refuse them here, before any hold. */
function assertAboveMinimumCharge(totalMinor: number, currency: string): void {
  const minimum = getMinimumChargeMinor(currency);
  if (totalMinor < minimum) {
    throw belowMinimumError(`the minimum card payment of ${formatMoney(minimum, currency)}`);
  }
}

function belowMinimumError(minimum: string): AppError {
  const message = `The total is below ${minimum}. Add tickets to reach it.`;
  return new AppError("validation", message, { fields: [{ field: "items", message }] });
}

/** The names given per seat, by tier, in the order the lines listed them. */
function mergeHolderNames(items: CheckoutRequest["items"]): Map<string, (string | undefined)[]> {
  const merged = new Map<string, (string | undefined)[]>();
  for (const item of items) {
    merged.set(item.tierId, [...(merged.get(item.tierId) ?? []), ...(item.holderNames ?? [])]);
  }
  return merged;
}

function mergeItems(items: CheckoutRequest["items"]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.tierId, (merged.get(item.tierId) ?? 0) + item.quantity);
  return merged;
}
