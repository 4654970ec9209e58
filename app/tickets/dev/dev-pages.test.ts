// The dev pages (/tickets/dev/*) and their API (/api/tickets/dev/*): in production they exist only when
// STRIPE_TEST_MODE=true chose test mode (a production server with keys must not take "payments" from them
// nor show anyone's sign-in links).
import { NextRequest } from "next/server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/tickets/dev/mailbox/route";
import { POST as payRoute } from "@/app/api/tickets/dev/pay/[orderId]/route";
import DevMailboxPage from "@/app/tickets/dev/mailbox/page";
import TestPaymentPage from "@/app/tickets/dev/pay/[orderId]/page";
import DevStripeOnboardPage from "@/app/tickets/dev/stripe/onboard/page";
import { QueryProvider } from "@/components/ui/query-provider";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { orderAccessTokenFor } from "@/lib/orders/order-access-token";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { setUpRefundEvent } from "@/lib/refunds/testing";
import { resetDatabase } from "@/lib/testing/db";
import { withWebhookBridge } from "@/lib/testing/webhook-bridge";
import { proxy } from "@/proxy";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) };
const liveProduction = { ...production, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };
const testModeProduction = { ...production, STRIPE_TEST_MODE: "true" };
const noParams = { params: Promise.resolve({}) };
const mailboxRequest = () => new Request("http://localhost/api/tickets/dev/mailbox");

async function notFoundDigest(render: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await render();
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
  return undefined;
}

async function pendingOrder() {
  const { event, ga } = await setUpRefundEvent();
  const { orderId } = await createCheckoutSession({
    eventId: event.id,
    items: [{ tierId: ga.id, quantity: 1 }],
    buyer: { email: "fan@example.test", name: "Fan One" },
  });
  return { orderId, token: orderAccessTokenFor(orderId).token };
}

/** The payment page's "Pay" button: its route, posting the signed event to the webhook route at `origin`. */
function pressPay(origin: string, orderId: string, token: string) {
  return payRoute(
    new Request(`${origin}/api/tickets/dev/pay/${orderId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, outcome: "pay" }),
    }),
    { params: Promise.resolve({ orderId }) },
  );
}

describe("dev pages in production", () => {
  const bridge = withWebhookBridge();
  beforeEach(resetDatabase);
  afterEach(restoreEnv);

  it("answer 404 at the proxy unless STRIPE_TEST_MODE=true, and only the dev paths", () => {
    const status = (path: string) => proxy(new NextRequest(`http://localhost${path}`)).status;
    const devPaths = [
      "/tickets/dev/mailbox",
      "/tickets/dev/pay/o1?token=t",
      "/tickets/dev/stripe/onboard",
      "/api/tickets/dev/mailbox",
      "/api/tickets/dev/pay/o1",
    ];
    stubStripeEnv(liveProduction);
    for (const path of devPaths) expect(status(path), path).toBe(404);
    const api = proxy(new NextRequest("http://localhost/api/tickets/dev/mailbox"));
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    for (const path of ["/tickets/events", "/api/tickets/devices/d1", "/tickets/developers"])
      expect(status(path), path).toBe(200);

    stubStripeEnv(testModeProduction);
    for (const path of devPaths) expect(status(path), path).toBe(200);
    stubStripeEnv({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_x" }); // the pages decide
    for (const path of devPaths) expect(status(path), path).toBe(200);
  });

  it("have route handlers and pages that answer 404 with live keys", async () => {
    const { orderId, token } = await pendingOrder();
    stubStripeEnv(liveProduction);
    expect((await listMessages(mailboxRequest(), noParams)).status).toBe(404);
    const pay = await pressPay(bridge.origin, orderId, token);
    expect(pay.status).toBe(404);
    const notFound = "NEXT_HTTP_ERROR_FALLBACK;404";
    const searchParams = Promise.resolve({});
    expect(await notFoundDigest(() => DevMailboxPage({ searchParams }))).toBe(notFound);
    expect(await notFoundDigest(() => DevStripeOnboardPage({ searchParams }))).toBe(notFound);
    expect(
      await notFoundDigest(() =>
        TestPaymentPage({ params: Promise.resolve({ orderId }), searchParams: Promise.resolve({ token }) }),
      ),
    ).toBe(notFound);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("work when STRIPE_TEST_MODE=true chose test mode: mailbox, payment page, signed payment event", async () => {
    stubStripeEnv({ ...testModeProduction, APP_URL: bridge.origin });
    const { orderId, token } = await pendingOrder();
    expect((await listMessages(mailboxRequest(), noParams)).status).toBe(200);
    const page = await TestPaymentPage({
      params: Promise.resolve({ orderId }),
      searchParams: Promise.resolve({ token }),
    });
    expect(renderToStaticMarkup(createElement(QueryProvider, null, page))).toContain("Stripe test mode.");
    const pay = await pressPay(bridge.origin, orderId, token);
    expect(pay.status).toBe(200);
    // The signed event went through the real webhook route (and is processed by the usual job).
    expect(await db.webhookEvent.findMany({ select: { type: true, status: true } })).toEqual([
      { type: "checkout.session.completed", status: "pending" },
    ]);
  });
});
