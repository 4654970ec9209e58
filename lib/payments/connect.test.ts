// Connect onboarding through the real route handlers and the real `stripe` SDK, pointed at a local stand-in.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as connectRoute from "@/app/api/tickets/organizers/connect/route";
import * as refreshRoute from "@/app/api/tickets/organizers/connect/refresh/route";
import * as syncRoute from "@/app/api/tickets/organizers/connect/sync/route";
import * as meRoute from "@/app/api/tickets/organizers/me/route";
import { apiRequest, createUserWithSession, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { isAppError } from "@/lib/errors";
import { createOrganizer } from "@/lib/organizers/create-organizer";
import { assertCanSellPaid } from "@/lib/payments/assert-can-sell-paid";
import { getPaymentsStatus } from "@/lib/payments/get-payments-status";
import { refreshConnectedAccount } from "@/lib/payments/refresh-connected-account";
import { stripeApiBaseOptions } from "@/lib/payments/stripe-client";
import { startStripeStandIn, type StripeStandIn } from "@/lib/payments/testing/stripe-stand-in";
import { stubStripeEnv, stubStripeKeys } from "@/lib/payments/testing/stub-stripe-env";
import { resetDatabase } from "@/lib/testing/db";

let standIn: StripeStandIn;

beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.close();
});

async function ownerWithOrganizer(email = "owner@loft.example", slug = "the-loft") {
  const owner = await createUserWithSession(email);
  const organizer = await createOrganizer(owner.userId, {
    name: slug,
    slug,
    contactEmail: `bookings@${slug}.example`,
    defaultCurrency: "CAD",
    timezone: "America/Vancouver",
  });
  return { owner, organizer };
}

async function connect(cookie: string) {
  return connectRoute.POST(
    apiRequest("/api/tickets/organizers/connect", { method: "POST", cookie }),
    routeContext(),
  );
}

function stripeCalls(path: string) {
  return standIn.requests.filter((r) => r.path === path);
}

describe("Connect onboarding against the Stripe stand-in", () => {
  beforeEach(async () => {
    await resetDatabase();
    standIn.reset();
    stubStripeKeys(standIn.url);
  });
  afterEach(restoreEnv);

  it("creates an Express-like account with controller settings, then an onboarding link", async () => {
    const { owner, organizer } = await ownerWithOrganizer();
    const res = await connect(owner.cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; testMode: boolean };

    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/accounts",
      "POST /v1/account_links",
    ]);
    const [create, link] = standIn.requests;
    expect(create?.headers.authorization).toBe("Bearer sk_test_stagedoor_standin");
    expect(create?.headers["idempotency-key"]).toBe(`stagedoor:connect-account:${organizer.id}`);
    expect(create?.headers["stripe-account"]).toBeUndefined();
    expect(create?.form).toEqual({
      "controller[stripe_dashboard][type]": "express",
      "controller[fees][payer]": "application",
      "controller[losses][payments]": "application",
      "controller[requirement_collection]": "stripe",
      "capabilities[card_payments][requested]": "true",
      "capabilities[transfers][requested]": "true",
      email: `bookings@the-loft.example`,
      "metadata[organizer_id]": organizer.id,
    });
    const accountId = [...standIn.accounts.keys()][0];
    expect(link?.form).toEqual({
      account: accountId,
      type: "account_onboarding",
      refresh_url: `http://localhost:3000/api/tickets/organizers/connect/refresh?organizer=${organizer.id}`,
      return_url: "http://localhost:3000/tickets/organizer/payments?return=1",
      "collection_options[fields]": "eventually_due",
    });
    expect(link?.headers["idempotency-key"]).toMatch(new RegExp(`^stagedoor:account-link:${organizer.id}:`));
    expect(body).toEqual({ url: `https://connect.stripe.test/setup/e/${accountId}/2`, testMode: false });

    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({
      stripeAccountId: accountId,
      stripeAccountKind: "express",
      stripeTestMode: false,
      stripeChargesEnabled: false,
      stripePayoutsEnabled: false,
      stripeDetailsSubmitted: false,
    });
    const audit = await db.auditLog.findMany({
      where: { organizerId: organizer.id, action: "tickets.stripe.account_created" },
    });
    expect(audit.map((a) => a.actorUserId)).toEqual([owner.userId]);
  });

  it("reuses the stored account on a second call: no second create, a fresh link", async () => {
    const { owner } = await ownerWithOrganizer();
    const first = (await (await connect(owner.cookie)).json()) as { url: string };
    const second = (await (await connect(owner.cookie)).json()) as { url: string };
    expect(stripeCalls("/v1/accounts")).toHaveLength(1);
    const links = stripeCalls("/v1/account_links");
    expect(links).toHaveLength(2);
    expect(links[0]?.headers["idempotency-key"]).not.toBe(links[1]?.headers["idempotency-key"]);
    expect(second.url).not.toBe(first.url);
    expect(await db.organizer.count({ where: { stripeAccountId: { not: null } } })).toBe(1);
  });

  it("creates a Standard-like account (full Stripe dashboard) when STRIPE_CONNECT_ACCOUNT_KIND=standard", async () => {
    stubStripeKeys(standIn.url, { STRIPE_CONNECT_ACCOUNT_KIND: "standard" });
    const { owner, organizer } = await ownerWithOrganizer();
    expect((await connect(owner.cookie)).status).toBe(200);
    const create = stripeCalls("/v1/accounts")[0];
    expect(create?.form["controller[stripe_dashboard][type]"]).toBe("full");
    expect(Object.keys(create?.form ?? {}).filter((k) => k.startsWith("controller["))).toEqual([
      "controller[stripe_dashboard][type]",
    ]);
    expect(create?.form.type).toBeUndefined();
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored.stripeAccountKind).toBe("standard");
  });

  it("on return, re-reads the account and persists flags and requirements", async () => {
    const { owner, organizer } = await ownerWithOrganizer();
    await connect(owner.cookie);
    const accountId = [...standIn.accounts.keys()][0] ?? "";
    standIn.updateAccount(accountId, {
      charges_enabled: true,
      payouts_enabled: false,
      details_submitted: true,
      requirements: {
        alternatives: [],
        current_deadline: 1_900_000_000,
        currently_due: ["individual.verification.document", "individual.dob.day", "individual.dob.month"],
        eventually_due: ["individual.verification.document", "individual.dob.day", "individual.dob.month"],
        past_due: [],
        pending_verification: ["individual.id_number"],
        disabled_reason: null,
        errors: [],
      },
    });

    const state = await refreshConnectedAccount(organizer.id, {
      actorUserId: owner.userId,
      source: "return",
    });
    expect(state?.changed).toBe(true);
    expect(standIn.requests.at(-1)).toMatchObject({ method: "GET", path: `/v1/accounts/${accountId}` });

    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored).toMatchObject({
      stripeChargesEnabled: true,
      stripePayoutsEnabled: false,
      stripeDetailsSubmitted: true,
    });
    expect(stored.stripeRequirements).toMatchObject({
      currently_due: ["individual.verification.document", "individual.dob.day", "individual.dob.month"],
      past_due: [],
      pending_verification: ["individual.id_number"],
      disabled_reason: null,
      current_deadline: 1_900_000_000,
    });
    const status = await getPaymentsStatus(organizer.id);
    expect(status.currentlyDue).toEqual(["A photo of your ID document", "Your date of birth"]);
    expect(status.pendingVerification).toEqual(["Your government ID number (e.g. SIN or SSN)"]);
    expect(status.disabledReason).toBeNull();
    expect(status.needsOnboarding).toBe(true);

    // The existing profile endpoint reports the values this sync keeps current.
    const me = await meRoute.GET(
      apiRequest("/api/tickets/organizers/me", { cookie: owner.cookie }),
      routeContext(),
    );
    expect(((await me.json()) as { stripe: unknown }).stripe).toMatchObject({
      connected: true,
      testMode: false,
      chargesEnabled: true,
      payoutsEnabled: false,
      detailsSubmitted: true,
    });
    const audit = await db.auditLog.findMany({
      where: { organizerId: organizer.id, action: "tickets.stripe.account_updated" },
    });
    expect(audit).toHaveLength(1);

    // Re-checking an unchanged account writes no second audit entry.
    const again = await syncRoute.POST(
      apiRequest("/api/tickets/organizers/connect/sync", { method: "POST", cookie: owner.cookie }),
      routeContext(),
    );
    expect(again.status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "tickets.stripe.account_updated" } })).toBe(1);
  });

  it("the refresh URL mints a new link for the same account and redirects to it", async () => {
    const { owner, organizer } = await ownerWithOrganizer();
    await connect(owner.cookie);
    standIn.requests.length = 0;
    const res = await refreshRoute.GET(
      apiRequest(`/api/tickets/organizers/connect/refresh?organizer=${organizer.id}`, {
        cookie: owner.cookie,
      }),
    );
    expect(res.status).toBe(303);
    expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/account_links"]);
    expect(res.headers.get("location")).toMatch(/^https:\/\/connect\.stripe\.test\/setup\/e\/acct_standin/);
    expect(res.headers.get("set-cookie")).toContain(`stagedoor_org=${organizer.id}`);

    const signedOut = await refreshRoute.GET(
      apiRequest(`/api/tickets/organizers/connect/refresh?organizer=${organizer.id}`),
    );
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toContain("/tickets/login?callbackUrl=");

    const other = await ownerWithOrganizer("other@b.example", "venue-b");
    const foreign = await refreshRoute.GET(
      apiRequest(`/api/tickets/organizers/connect/refresh?organizer=${organizer.id}`, {
        cookie: other.owner.cookie,
      }),
    );
    expect(foreign.status).toBe(303);
    expect(foreign.headers.get("location")).toBe(
      "http://localhost:3000/tickets/organizer/payments?link_error=not_found",
    );
    expect(stripeCalls("/v1/account_links")).toHaveLength(1);
  });

  it("answers 503 and stores nothing when Stripe fails", async () => {
    const { owner, organizer } = await ownerWithOrganizer();
    standIn.failWith = 500;
    const res = await connect(owner.cookie);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Stripe is not responding/);
    const stored = await db.organizer.findUniqueOrThrow({ where: { id: organizer.id } });
    expect(stored.stripeAccountId).toBeNull();
  });

  it("is turned off with 503 feature_disabled when TICKETING_PAYOUTS=false", async () => {
    stubStripeKeys(standIn.url, { TICKETING_PAYOUTS: "false" });
    const { owner } = await ownerWithOrganizer();
    const res = await connect(owner.cookie);
    expect(res.status).toBe(503);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("feature_disabled");
    expect(problem.detail).toMatch(/turned off/);
    expect(standIn.requests).toHaveLength(0);
  });
});

describe("assertCanSellPaid", () => {
  afterEach(restoreEnv);

  function message(fn: () => void): string | null {
    try {
      fn();
      return null;
    } catch (error) {
      if (!isAppError(error)) throw error;
      expect(error.status).toBe(409);
      return error.message;
    }
  }

  it("needs a connected account with charges enabled", () => {
    stubStripeKeys("http://127.0.0.1:9");
    const blocked = "Connect Stripe and finish onboarding before publishing paid tickets";
    expect(
      message(() =>
        assertCanSellPaid({ stripeAccountId: null, stripeChargesEnabled: false, stripeTestMode: false }),
      ),
    ).toBe(blocked);
    expect(
      message(() =>
        assertCanSellPaid({ stripeAccountId: "acct_1", stripeChargesEnabled: false, stripeTestMode: false }),
      ),
    ).toBe(blocked);
    expect(
      message(() =>
        assertCanSellPaid({ stripeAccountId: "acct_1", stripeChargesEnabled: true, stripeTestMode: false }),
      ),
    ).toBeNull();
  });

  it("accepts a test-mode account only while the server has no Stripe keys", () => {
    const testAccount = { stripeAccountId: "acct_test_1", stripeChargesEnabled: true, stripeTestMode: true };
    stubStripeKeys("http://127.0.0.1:9");
    expect(message(() => assertCanSellPaid(testAccount))).not.toBeNull();
    stubStripeEnv();
    expect(message(() => assertCanSellPaid(testAccount))).toBeNull();
  });
});

describe("stripeApiBaseOptions", () => {
  it("splits STRIPE_API_BASE into host, port and protocol", () => {
    expect(stripeApiBaseOptions("http://127.0.0.1:12111")).toEqual({
      host: "127.0.0.1",
      port: 12111,
      protocol: "http",
    });
    expect(stripeApiBaseOptions("https://stripe.internal")).toEqual({
      host: "stripe.internal",
      port: 443,
      protocol: "https",
    });
    expect(stripeApiBaseOptions(undefined)).toEqual({});
    expect(() => stripeApiBaseOptions("ftp://x")).toThrow();
  });
});
