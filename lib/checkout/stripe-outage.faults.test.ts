// Fault injection (issue 12 §2.4): Stripe unreachable, slow or failing while a buyer starts checkout. Through
// the route handler, with the real SDK: the buyer gets a retryable 503 problem+json with Retry-After, the
// seats go back on sale at once (the last seat of the tier is what each case tries to buy), and once Stripe
// answers again the same seat sells.
import { createServer, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { POST as checkoutRoute } from "@/app/api/tickets/checkout/session/route";
import { routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { stubStripeKeys } from "@/lib/payments/testing/stub-stripe-env";
import { withStripeStandIn } from "@/lib/payments/testing/with-stripe-stand-in";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const APP_ORIGIN = "http://localhost:3000";

/** An http:// address on which nothing listens: connections are refused. */
async function refusedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function lastSeatEvent() {
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id, { capacity: 1 });
  return { event, tier };
}

function checkout(eventId: string, tierId: string): Promise<Response> {
  return checkoutRoute(
    new Request(`${APP_ORIGIN}/api/tickets/checkout/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN },
      body: JSON.stringify({
        eventId,
        items: [{ tierId, quantity: 1 }],
        buyer: { email: "fan@example.test", name: "Fan" },
      }),
    }),
    routeContext(),
  );
}

/** The answer is a retryable problem, the order cancelled, nothing held; then the seat sells. */
async function expectRetryableAndReleased(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  const problem = (await response.json()) as { code: string; detail: string };
  expect(problem.code).toBe("busy");
  expect(problem.detail).toMatch(/seats were released/);
  expect(await db.hold.count({ where: { releasedAt: null } })).toBe(0);
  expect((await db.order.findFirstOrThrow()).status).toBe("cancelled");
}

describe("checkout while Stripe is failing", () => {
  const stripe = withStripeStandIn();

  it("Stripe unreachable (connection refused): 503 with Retry-After, seat released, sells once Stripe is back", async () => {
    const { event, tier } = await lastSeatEvent();
    // An address nothing listens on: every try (the SDK retries twice) is refused.
    stubStripeKeys(await refusedUrl());
    await expectRetryableAndReleased(await checkout(event.id, tier.id));

    stubStripeKeys(stripe.current.url);
    const retry = await checkout(event.id, tier.id);
    expect(retry.status).toBe(201);
  });

  it("Stripe slower than STRIPE_TIMEOUT_MS: 503 with Retry-After after the retries, seat released", async () => {
    const { event, tier } = await lastSeatEvent();
    stubStripeKeys(stripe.current.url, { STRIPE_TIMEOUT_MS: "300" });
    let slowed = 0;
    stripe.current.beforeAnswer = async ({ path }) => {
      if (path !== "/v1/checkout/sessions") return;
      slowed += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    };
    const started = Date.now();
    await expectRetryableAndReleased(await checkout(event.id, tier.id));
    expect(slowed).toBe(3); // the first try and the SDK's two retries, each cut off at the timeout
    expect(Date.now() - started).toBeLessThan(10_000);

    stripe.current.beforeAnswer = null;
    expect((await checkout(event.id, tier.id)).status).toBe(201);
  });

  it("Stripe answering 500 or 429 (overloaded): 503 with Retry-After, seat released every time", async () => {
    const { event, tier } = await lastSeatEvent();
    stubStripeKeys(stripe.current.url);
    for (const status of [500, 429]) {
      stripe.current.failWhen = ({ path }) => (path === "/v1/checkout/sessions" ? status : null);
      const response = await checkout(event.id, tier.id);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).not.toBeNull();
      expect(await db.hold.count({ where: { releasedAt: null } })).toBe(0);
    }
    stripe.current.failWhen = null;
    expect((await checkout(event.id, tier.id)).status).toBe(201);
    expect(await db.hold.count({ where: { releasedAt: null } })).toBe(1);
  });
});
