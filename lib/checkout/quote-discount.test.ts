import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as quoteRoute } from "@/app/api/tickets/checkout/quote/route";
import { routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { quoteDiscount } from "@/lib/checkout/quote-discount";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { createDiscount } from "@/lib/discounts/create-discount";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { caught, problem } from "@/lib/testing/errors";
import {
  createOnSaleEvent,
  createOrganizerWithOwner,
  createTier,
  GST_PST_TAXES,
} from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";

async function setUp() {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id, { feeModel: "buyer_pays", taxes: GST_PST_TAXES });
  const ga = await createTier(event.id, { name: "GA", priceMinor: 2500, capacity: 100, maxPerOrder: 6 });
  const vip = await createTier(event.id, { name: "VIP", priceMinor: 7900, capacity: 20, maxPerOrder: 6 });
  return { organizer, event, ga, vip };
}

describe("discount quote (the event page's running total)", () => {
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("prices every tier with the code exactly as the checkout then charges (quantity × unit)", async () => {
    const { organizer, event, ga, vip } = await setUp();
    await createDiscount(organizer.id, event.id, { code: "FRIENDS", kind: "percent", percentBps: 1750 });
    const quote = await quoteDiscount({ eventId: event.id, code: "friends" });
    expect(quote.code).toBe("FRIENDS");
    const unit = new Map(quote.tiers.map((t) => [t.tierId, t]));
    const page = await getPublicEvent(event.slug);
    for (const tier of page?.tiers ?? []) {
      expect(unit.get(tier.id)?.totalMinor).toBeLessThan(tier.price.totalMinor);
      expect(unit.get(tier.id)?.discountMinor).toBeGreaterThan(0);
    }

    const result = await createCheckoutSession({
      eventId: event.id,
      items: [
        { tierId: ga.id, quantity: 3 },
        { tierId: vip.id, quantity: 2 },
      ],
      buyer: { email: "fan@example.test", name: "Fan" },
      discountCode: "friends",
    });
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    expect(order.totalMinor).toBe(
      3 * (unit.get(ga.id)?.totalMinor ?? 0) + 2 * (unit.get(vip.id)?.totalMinor ?? 0),
    );
  });

  it("leaves tiers a code does not cover at their price", async () => {
    const { organizer, event, ga, vip } = await setUp();
    await createDiscount(organizer.id, event.id, {
      code: "VIPONLY",
      kind: "fixed",
      amountMinor: 1000,
      tierIds: [vip.id],
    });
    const quote = await quoteDiscount({ eventId: event.id, code: "VIPONLY" });
    const page = await getPublicEvent(event.slug);
    const full = new Map(page?.tiers.map((t) => [t.id, t.price.totalMinor]));
    const quoted = new Map(quote.tiers.map((t) => [t.tierId, t.totalMinor]));
    expect(quoted.get(ga.id)).toBe(full.get(ga.id));
    expect(quoted.get(vip.id)).toBeLessThan(full.get(vip.id) ?? 0);
  });

  it("answers an unknown code with a 422 naming the discount code, and limits guessing per IP", async () => {
    const { event } = await setUp();
    const error = await caught(quoteDiscount({ eventId: event.id, code: "NOPE" }));
    expect(error.status).toBe(422);
    expect(error.fields.map((f) => f.field)).toContain("discountCode");

    // Behind one proxy, so the caller's address is known.
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    loadEnv();
    const ask = (code: string) =>
      quoteRoute(
        new Request(`http://localhost/api/tickets/checkout/quote?eventId=${event.id}&code=${code}`, {
          headers: { "x-forwarded-for": "203.0.113.77" },
        }),
        routeContext(),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await ask(`GUESS${i}`)).status);
    expect(statuses).toEqual(Array(20).fill(422));
    // Guessing is a fraud signal for admins (logged, not blocking).
    const signal = await db.fraudSignal.findFirst({
      where: { kind: "discount_code_guessing", eventId: event.id },
    });
    expect(signal?.count).toBe(20);
    expect(signal?.trippedAt).not.toBeNull();
    const limited = await ask("GUESS20");
    expect(limited.status).toBe(429);
    expect((await problem(limited)).detail).toMatch(/too many/i);
  });
});
