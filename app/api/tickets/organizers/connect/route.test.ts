// Who may connect which organizer, and the test-mode onboarding that stands in for Stripe without keys.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import DevStripeOnboardPage from "@/app/tickets/dev/stripe/onboard/page";
import * as connectRoute from "@/app/api/tickets/organizers/connect/route";
import * as syncRoute from "@/app/api/tickets/organizers/connect/sync/route";
import * as testOnboardingRoute from "@/app/api/tickets/organizers/connect/test-onboarding/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { createOrganizer } from "@/lib/organizers/create-organizer";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";
import { startStripeStandIn, type StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { stubStripeEnv, stubStripeKeys } from "@/lib/payments/testing/stub-stripe-env";
import { resetDatabase } from "@/lib/testing/db";
import { addMember } from "@/lib/testing/factories";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.close();
});

async function team(slug: string) {
  const owner = await createUserWithSession(`owner@${slug}.example`);
  const organizer = await createOrganizer(owner.userId, {
    name: `Venue ${slug}`,
    slug,
    contactEmail: `hello@${slug}.example`,
    defaultCurrency: "CAD",
    timezone: "America/Toronto",
  });
  const manager = await addMember(organizer.id, `manager@${slug}.example`, "manager");
  const scanner = await addMember(organizer.id, `scanner@${slug}.example`, "scanner");
  return { owner, organizer, manager, scanner };
}

interface PostInit {
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function post(path: string, init: PostInit = {}) {
  return apiRequest(path, { method: "POST", ...init });
}

/** POST /api/tickets/organizers/connect. */
const connect = (init: PostInit = {}) =>
  connectRoute.POST(post("/api/tickets/organizers/connect", init), routeContext());

/** POST /api/tickets/organizers/connect/test-onboarding for `organizerId`, as the cookie's user (if any). */
const completeTestOnboarding = (
  cookie: string | undefined,
  organizerId: string,
  headers?: Record<string, string>,
) =>
  testOnboardingRoute.POST(
    post("/api/tickets/organizers/connect/test-onboarding", { cookie, body: { organizerId }, headers }),
    routeContext(),
  );

async function stripeColumns(organizerId: string) {
  return db.organizer.findUniqueOrThrow({
    where: { id: organizerId },
    select: {
      stripeAccountId: true,
      stripeTestMode: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
    },
  });
}

const notConnected = {
  stripeAccountId: null,
  stripeTestMode: false,
  stripeChargesEnabled: false,
  stripePayoutsEnabled: false,
  stripeDetailsSubmitted: false,
};

describe("test-mode onboarding (no Stripe keys)", () => {
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });
  afterEach(restoreEnv);

  it("connect points at the built-in page; completing it connects a test account", async () => {
    const a = await team("alpha");
    const res = await connect({ cookie: a.owner.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      url: `http://localhost:3000/tickets/dev/stripe/onboard?organizer=${a.organizer.id}`,
      testMode: true,
    });
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);

    const done = await completeTestOnboarding(a.owner.cookie, a.organizer.id);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ redirectTo: "/tickets/organizer/payments" });
    const connected = await stripeColumns(a.organizer.id);
    expect(connected).toMatchObject({
      stripeTestMode: true,
      stripeChargesEnabled: true,
      stripePayoutsEnabled: true,
      stripeDetailsSubmitted: true,
    });
    expect(connected.stripeAccountId).toMatch(/^acct_test_[0-9a-f]{24}$/);
    expect((await getPaymentsStatus(a.organizer.id)).testMode).toBe(true);

    // Doing it again keeps the same test account.
    await completeTestOnboarding(a.owner.cookie, a.organizer.id);
    expect((await stripeColumns(a.organizer.id)).stripeAccountId).toBe(connected.stripeAccountId);
    expect(await db.auditLog.count({ where: { action: "tickets.stripe.test_onboarding_completed" } })).toBe(
      2,
    );
  });

  it("with an Idempotency-Key (as the page sends) it answers at once and once: this route nests withOrganizer's apiRoute", async () => {
    const a = await team("keyed");
    const headers = { "idempotency-key": "complete-once" };
    const started = Date.now();
    const done = await completeTestOnboarding(a.owner.cookie, a.organizer.id, headers);
    // Before the fix the inner apiRoute waited on the outer one's claim of the same key, then answered 409.
    expect(done.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4_000);
    const again = await completeTestOnboarding(a.owner.cookie, a.organizer.id, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.auditLog.count({ where: { action: "tickets.stripe.test_onboarding_completed" } })).toBe(
      1,
    );
  });

  it("only an owner can complete it: manager and scanner get 403, signed out 401", async () => {
    const a = await team("alpha");
    for (const user of [a.manager, a.scanner]) {
      const res = await completeTestOnboarding(user.cookie, a.organizer.id);
      expect(res.status).toBe(403);
    }
    const signedOut = await completeTestOnboarding(undefined, a.organizer.id);
    expect(signedOut.status).toBe(401);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);
  });

  it("never touches another organizer: a foreign id in the body is refused, a foreign header is 404", async () => {
    const a = await team("alpha");
    const b = await team("bravo");
    const foreignBody = await completeTestOnboarding(b.owner.cookie, a.organizer.id);
    expect(foreignBody.status).toBe(409);
    const foreignHeader = await completeTestOnboarding(b.owner.cookie, a.organizer.id, {
      "x-organizer-id": a.organizer.id,
    });
    expect(foreignHeader.status).toBe(404);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);
    expect(await stripeColumns(b.organizer.id)).toEqual(notConnected);
  });

  it("does not exist when Stripe keys are configured: API 404, dev page notFound()", async () => {
    stubStripeKeys(standIn.url);
    const a = await team("alpha");
    const res = await completeTestOnboarding(a.owner.cookie, a.organizer.id);
    expect(res.status).toBe(404);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);
    const page = DevStripeOnboardPage({ searchParams: Promise.resolve({ organizer: a.organizer.id }) });
    await expect(page).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("connect is tenant-scoped (keys configured, Stripe stand-in)", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIn.reset();
    stubStripeKeys(standIn.url);
  });
  afterEach(restoreEnv);

  it("organizer B's owner only ever connects B", async () => {
    const a = await team("alpha");
    const b = await team("bravo");
    const res = await connect({ cookie: b.owner.cookie });
    expect(res.status).toBe(200);
    const created = standIn.requests.filter((r) => r.path === "/v1/accounts");
    expect(created.map((r) => r.form["metadata[organizer_id]"])).toEqual([b.organizer.id]);
    expect((await stripeColumns(b.organizer.id)).stripeAccountId).toMatch(/^acct_standin/);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);

    standIn.reset();
    const viaHeader = await connect({
      cookie: b.owner.cookie,
      headers: { "x-organizer-id": a.organizer.id },
    });
    expect(viaHeader.status).toBe(404);
    expect(standIn.requests).toHaveLength(0);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);
  });

  it("a manager gets 403 and a signed-out caller 401, with no Stripe call", async () => {
    const a = await team("alpha");
    const asManager = await connect({ cookie: a.manager.cookie });
    expect(asManager.status).toBe(403);
    const signedOut = await connect();
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("content-type")).toBe("application/problem+json");
    const recheck = await syncRoute.POST(
      post("/api/tickets/organizers/connect/sync", { cookie: a.manager.cookie }),
      routeContext(),
    );
    expect(recheck.status).toBe(403);
    expect(standIn.requests).toHaveLength(0);
    expect(await stripeColumns(a.organizer.id)).toEqual(notConnected);
  });

  it("a test account is replaced by a real one once keys are configured; a real one is never replaced by a test one", async () => {
    const a = await team("alpha");
    await db.organizer.update({
      where: { id: a.organizer.id },
      data: { stripeAccountId: "acct_test_abc", stripeTestMode: true, stripeChargesEnabled: true },
    });
    expect((await connect({ cookie: a.owner.cookie })).status).toBe(200);
    const real = await stripeColumns(a.organizer.id);
    expect(real).toMatchObject({ stripeTestMode: false, stripeChargesEnabled: false });
    expect(real.stripeAccountId).toMatch(/^acct_standin/);

    stubStripeEnv();
    const refused = await completeTestOnboarding(a.owner.cookie, a.organizer.id);
    expect(refused.status).toBe(409);
    expect((await stripeColumns(a.organizer.id)).stripeAccountId).toBe(real.stripeAccountId);
  });
});
