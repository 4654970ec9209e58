// Fraud signals (issue 12 §2.5), end to end: refused checkouts through the route, paid orders through the
// Stripe webhook with the stand-in's card fingerprints. Each signal trips at its threshold while a control
// one short of it stays quiet; nothing is blocked; platform admins (only) read the tripped signals.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as fraudSignalsRoute } from "@/app/api/tickets/admin/fraud-signals/route";
import { POST as checkoutRoute } from "@/app/api/tickets/checkout/session/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { FRAUD_RULES, type FraudSignalKind } from "@/lib/fraud/fraud-rules";
import type { FraudSignalView } from "@/lib/fraud/list-fraud-signals";
import { stubStripeKeys, TEST_PLATFORM_WEBHOOK_SECRET } from "@/lib/payments/testing/stub-stripe-env";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { deliverStripeEvent } from "@/lib/refunds/testing";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const APP_ORIGIN = "http://localhost:3000";
const ADMIN = "admin@stagedoor.test";

async function onSale() {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id, { capacity: 1000, maxPerOrder: 10 });
  return { organizer, event, tier };
}

function checkout(body: Record<string, unknown>, ip: string): Promise<Response> {
  return checkoutRoute(
    new Request(`${APP_ORIGIN}/api/tickets/checkout/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    }),
    routeContext(),
  );
}

async function trippedSignals(): Promise<FraudSignalView[]> {
  const admin = await createUserWithSession(ADMIN);
  const response = await fraudSignalsRoute(
    apiRequest("/api/tickets/admin/fraud-signals", { cookie: admin.cookie }),
    routeContext(),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { signals: FraudSignalView[] }).signals;
}

const keysOf = (signals: FraudSignalView[], kind: FraudSignalKind) =>
  signals.filter((s) => s.kind === kind).map((s) => s.key);

describe("fraud signals", () => {
  const stripe = withStripeStandIn();
  beforeEach(() => {
    vi.stubEnv("ADMIN_EMAILS", ADMIN);
    // As behind one load balancer: the client IP is the rightmost X-Forwarded-For entry.
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    loadEnv();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("repeated refused checkouts trip the IP and the email signals; one short of the threshold stays quiet", async () => {
    const { event, tier } = await onSale();
    const refused = (email: string) => ({
      eventId: event.id,
      items: [{ tierId: tier.id, quantity: 0 }],
      buyer: { email, name: "Prober" },
    });
    const ipRule = FRAUD_RULES.failed_checkout_ip;
    const emailRule = FRAUD_RULES.failed_checkout_email;
    for (let i = 0; i < ipRule.threshold; i++) {
      expect((await checkout(refused(`probe${i}@example.test`), "203.0.113.7")).status).toBe(422);
    }
    for (let i = 0; i < ipRule.threshold - 1; i++) {
      expect((await checkout(refused(`quiet${i}@example.test`), "203.0.113.8")).status).toBe(422);
    }
    for (let i = 0; i < emailRule.threshold; i++) {
      await checkout(refused("Tester@Example.test"), `198.51.100.${i}`);
    }
    for (let i = 0; i < emailRule.threshold - 1; i++) {
      await checkout(refused("calm@example.test"), `198.51.100.${100 + i}`);
    }
    // Not blocking: the flagged IP and email still buy.
    const ok = await checkout(
      {
        eventId: event.id,
        items: [{ tierId: tier.id, quantity: 1 }],
        buyer: { email: "tester@example.test", name: "T" },
      },
      "203.0.113.7",
    );
    expect(ok.status).toBe(201);

    const signals = await trippedSignals();
    expect(keysOf(signals, "failed_checkout_ip")).toEqual(["203.0.113.7"]);
    expect(keysOf(signals, "failed_checkout_email")).toEqual(["tester@example.test"]);
    const ipSignal = signals.find((s) => s.kind === "failed_checkout_ip");
    expect(ipSignal).toMatchObject({
      eventId: event.id,
      count: ipRule.threshold,
      threshold: ipRule.threshold,
    });
  });

  it("guessing discount codes trips the IP's signal; a typo or two does not", async () => {
    const { event, tier } = await onSale();
    const guess = (code: string, ip: string) =>
      checkout(
        {
          eventId: event.id,
          items: [{ tierId: tier.id, quantity: 1 }],
          buyer: { email: "fan@example.test", name: "Fan" },
          discountCode: code,
        },
        ip,
      );
    const { threshold } = FRAUD_RULES.discount_code_guessing;
    for (let i = 0; i < threshold; i++) expect((await guess(`FREE${i}`, "192.0.2.50")).status).toBe(422);
    for (let i = 0; i < threshold - 1; i++) expect((await guess(`SUMER${i}`, "192.0.2.51")).status).toBe(422);
    expect(keysOf(await trippedSignals(), "discount_code_guessing")).toEqual(["192.0.2.50"]);
  });

  it("many paid orders from one email domain or one card trip their signals; fewer do not", async () => {
    stubStripeKeys(stripe.current.url);
    const { event, tier } = await onSale();
    const pay = async (email: string, cardFingerprint: string) => {
      const { orderId } = await createCheckoutSession({
        eventId: event.id,
        items: [{ tierId: tier.id, quantity: 1 }],
        buyer: { email, name: "Buyer" },
      });
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const sessionId = order.stripeCheckoutSessionId ?? "";
      stripe.current.paySession(sessionId, { cardFingerprint });
      await deliverStripeEvent(
        "checkout.session.completed",
        { id: sessionId, object: "checkout.session", metadata: { order_id: orderId } },
        { secret: TEST_PLATFORM_WEBHOOK_SECRET },
      );
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    };
    const domains = FRAUD_RULES.orders_email_domain.threshold;
    const cards = FRAUD_RULES.orders_card_fingerprint.threshold;
    for (let i = 0; i < domains; i++) await pay(`buyer${i}@resale.example`, `fp_domain_${i}`);
    for (let i = 0; i < domains - 1; i++) await pay(`buyer${i}@venue-fans.example`, `fp_fans_${i}`);
    for (let i = 0; i < domains + 2; i++) await pay(`buyer${i}@gmail.com`, `fp_gmail_${i}`);
    for (let i = 0; i < cards; i++) await pay(`card${i}@example${i}.test`, "fp_shared_card");
    for (let i = 0; i < cards - 1; i++) await pay(`other${i}@example${i}.test`, "fp_family_card");

    const signals = await trippedSignals();
    expect(keysOf(signals, "orders_email_domain")).toEqual(["resale.example"]);
    expect(keysOf(signals, "orders_card_fingerprint")).toEqual(["fp_shared_card"]);
  }, 120_000);

  it("is for platform admins only: 404 for anyone else", async () => {
    const organizer = await createUserWithSession("owner@example.test");
    const path = "/api/tickets/admin/fraud-signals";
    expect((await fraudSignalsRoute(apiRequest(path), routeContext())).status).toBe(404);
    expect(
      (await fraudSignalsRoute(apiRequest(path, { cookie: organizer.cookie }), routeContext())).status,
    ).toBe(404);
  });
});
