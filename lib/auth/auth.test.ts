// The magic-link round trip through Auth.js itself: our route handlers called with real Requests, checked
// against the database.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as authRoute from "@/app/api/tickets/auth/[...nextauth]/route";
import * as magicLinkRoute from "@/app/api/tickets/auth/magic-link/route";
import { readSessionUser } from "@/lib/auth/auth";
import { SESSION_COOKIE, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { env, loadEnv } from "@/lib/env";
import { inviteMember } from "@/lib/organizers/invite-member";
import { resetDatabase } from "@/lib/testing/db";

const APP = "http://localhost:3000";

function postMagicLink(body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${APP}/api/tickets/auth/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.7", ...headers },
    body: JSON.stringify(body),
  });
  return magicLinkRoute.POST(request, routeContext());
}

/** The sign-in link from the newest magic-link email to `to`. */
async function latestLink(to: string): Promise<URL> {
  const email = await db.emailOutbox.findFirstOrThrow({
    where: { toAddress: to, template: "magic-link" },
    orderBy: { createdAt: "desc" },
  });
  const match = /https?:\/\/[^\s"<>\]]+\/api\/tickets\/auth\/callback\/email\?[^\s"<>\]]+/.exec(email.text);
  if (!match) throw new Error(`no sign-in link in the email text:\n${email.text}`);
  return new URL(match[0].replace(/&amp;/g, "&"));
}

function openLink(link: URL, cookie?: string) {
  return authRoute.GET(new Request(link, { headers: cookie ? { cookie } : {} }));
}

function sessionCookieFrom(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return header?.split(";")[0];
}

describe("magic-link sign-in through Auth.js", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("signs in with a single-use link whose token is stored only as a hash", async () => {
    const response = await postMagicLink({ email: "  Fan@Example.COM ", callbackUrl: "/tickets/organizer" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });

    // Asking for a link creates no user: Auth.js creates it only when the link is used.
    expect(await db.user.count()).toBe(0);

    const link = await latestLink("fan@example.com");
    expect(link.origin).toBe(APP);
    expect(link.searchParams.get("email")).toBe("fan@example.com");
    const linkToken = link.searchParams.get("token");
    expect(linkToken).toMatch(/^[0-9a-f]{64}$/);

    // Hashed at rest: the row holds sha256(token + secret), not the token from the link.
    const [row, ...others] = await db.verificationToken.findMany();
    expect(others).toHaveLength(0);
    expect(row?.identifier).toBe("fan@example.com");
    expect(row?.token).not.toBe(linkToken);
    expect(row?.token).toBe(createHash("sha256").update(`${linkToken}${env.AUTH_SECRET}`).digest("hex"));
    const minutesLeft = ((row?.expires.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    const callback = await openLink(link);
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe(`${APP}/tickets/organizer`);
    const cookie = sessionCookieFrom(callback);
    expect(cookie).toBeDefined();
    const sessionToken = cookie!.split("=")[1];

    const user = await db.user.findUniqueOrThrow({ where: { email: "fan@example.com" } });
    expect(user.emailVerified).not.toBeNull();
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(session.userId).toBe(user.id);
    expect(await db.verificationToken.count()).toBe(0); // used → deleted

    expect(await readSessionUser(new Headers({ cookie: cookie! }))).toEqual({
      id: user.id,
      email: "fan@example.com",
      isAdmin: false,
    });

    // Single use: the same link again fails and creates no session.
    const again = await openLink(link);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`${APP}/tickets/login/error?error=Verification`);
    expect(sessionCookieFrom(again)).toBeUndefined();
    expect(await db.session.count()).toBe(1);
  });

  it("refuses an expired link and does not create the user", async () => {
    await postMagicLink({ email: "late@example.com" });
    const link = await latestLink("late@example.com");
    await db.verificationToken.updateMany({ data: { expires: new Date(Date.now() - 1000) } });

    const response = await openLink(link);
    expect(response.headers.get("location")).toBe(`${APP}/tickets/login/error?error=Verification`);
    expect(sessionCookieFrom(response)).toBeUndefined();
    expect(await db.user.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
  });

  it("refuses a link whose token was tampered with", async () => {
    await postMagicLink({ email: "fan@example.com" });
    const link = await latestLink("fan@example.com");
    link.searchParams.set("token", "0".repeat(64));
    const response = await openLink(link);
    expect(response.headers.get("location")).toBe(`${APP}/tickets/login/error?error=Verification`);
    expect(await db.session.count()).toBe(0);
    expect(await db.verificationToken.count()).toBe(1); // the real token is still usable
  });

  it("answers the same for known and unknown addresses, and emails both", async () => {
    await db.user.create({ data: { email: "known@example.com" } });
    const known = await postMagicLink({ email: "known@example.com" });
    const unknown = await postMagicLink({ email: "nobody@example.com" });
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
    expect(await db.emailOutbox.count({ where: { template: "magic-link" } })).toBe(2);
    expect(await db.user.count()).toBe(1);
  });

  it("puts APP_URL in the link whatever Host the request claims", async () => {
    await postMagicLink(
      { email: "fan@example.com" },
      { host: "evil.example", "x-forwarded-host": "evil.example" },
    );
    expect((await latestLink("fan@example.com")).origin).toBe(APP);
  });

  it("answers Auth.js's own endpoints on APP_URL even when the request arrives under another host", async () => {
    const response = await authRoute.GET(new Request("http://evil.example/api/tickets/auth/providers"));
    const body = (await response.json()) as { email: { signinUrl: string; callbackUrl: string } };
    expect(body.email.signinUrl).toBe(`${APP}/api/tickets/auth/signin/email`);
    expect(body.email.callbackUrl).toBe(`${APP}/api/tickets/auth/callback/email`);
  });

  it("defaults the destination to the account page", async () => {
    await postMagicLink({ email: "fan@example.com" });
    const link = await latestLink("fan@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe(`${APP}/tickets/account`);
  });

  it("validates the body: 422 naming email or callbackUrl", async () => {
    for (const [body, field] of [
      [{ email: "not-an-email" }, "email"],
      [{}, "email"],
      [{ email: "a@example.com", callbackUrl: "https://evil.example/tickets" }, "callbackUrl"],
      [{ email: "a@example.com", callbackUrl: "//evil.example/tickets" }, "callbackUrl"],
      [{ email: "a@example.com", callbackUrl: "/admin" }, "callbackUrl"],
    ] as const) {
      const response = await postMagicLink(body);
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("session endpoint and callback never expose the session token or the user row", async () => {
    await postMagicLink({ email: "fan@example.com" });
    const cookie = sessionCookieFrom(await openLink(await latestLink("fan@example.com")))!;
    const sessionToken = cookie.split("=")[1]!;
    const response = await authRoute.GET(
      new Request(`${APP}/api/tickets/auth/session`, { headers: { cookie } }),
    );
    const text = await response.text();
    expect(text).not.toContain(sessionToken);
    const body = JSON.parse(text) as { user: Record<string, unknown> };
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "isAdmin"]);
  });

  it("marks platform admins from ADMIN_EMAILS", async () => {
    const previous = process.env.ADMIN_EMAILS;
    process.env.ADMIN_EMAILS = "Boss@Example.com";
    loadEnv();
    try {
      await postMagicLink({ email: "boss@example.com" });
      const cookie = sessionCookieFrom(await openLink(await latestLink("boss@example.com")))!;
      expect((await readSessionUser(new Headers({ cookie })))?.isAdmin).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.ADMIN_EMAILS;
      else process.env.ADMIN_EMAILS = previous;
      loadEnv();
    }
  });

  it("signing out deletes the session row", async () => {
    await postMagicLink({ email: "fan@example.com" });
    const cookie = sessionCookieFrom(await openLink(await latestLink("fan@example.com")))!;
    // What a browser does: fetch a CSRF token, then POST signout with it.
    const csrf = await authRoute.GET(new Request(`${APP}/api/tickets/auth/csrf`, { headers: { cookie } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const response = await authRoute.POST(
      new Request(`${APP}/api/tickets/auth/signout`, {
        method: "POST",
        headers: {
          cookie: `${cookie}; ${csrfCookie}`,
          "content-type": "application/x-www-form-urlencoded",
          origin: APP,
        },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/tickets/events" }),
      }),
    );
    expect(response.status).toBe(302);
    expect(await db.session.count()).toBe(0);
    expect(await readSessionUser(new Headers({ cookie }))).toBeNull();
  });
});

describe("magic-link rate limits", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("limits one address to 5 links per 15 minutes, whatever the IP, with Retry-After", async () => {
    for (let i = 0; i < 5; i++) {
      const ok = await postMagicLink(
        { email: "Target@example.com" },
        { "x-forwarded-for": `198.51.100.${i}` },
      );
      expect(ok.status).toBe(200);
    }
    const refused = await postMagicLink(
      { email: "target@example.com" },
      { "x-forwarded-for": "198.51.100.99" },
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(((await refused.json()) as { code: string }).code).toBe("rate_limited");
    expect(await db.emailOutbox.count()).toBe(5);
    expect(await db.verificationToken.count()).toBe(5);
  });

  it("limits one IP to 10 requests per 15 minutes across addresses; a forged first entry changes nothing", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    loadEnv();
    try {
      for (let i = 0; i < 10; i++)
        expect((await postMagicLink({ email: `fan${i}@example.com` })).status).toBe(200);
      expect((await postMagicLink({ email: "fan10@example.com" })).status).toBe(429);
      // The client writes what precedes our proxy's entry: a fresh first entry is still the same client.
      const forged = { "x-forwarded-for": "192.0.2.77, 203.0.113.7" };
      expect((await postMagicLink({ email: "fan11@example.com" }, forged)).status).toBe(429);
      // Another client, as our proxy saw it.
      const other = { "x-forwarded-for": "192.0.2.1" };
      expect((await postMagicLink({ email: "fan12@example.com" }, other)).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
      loadEnv();
    }
  });

  it("applies the same counters to Auth.js's raw signin/email endpoint", async () => {
    const raw = (email: string) =>
      authRoute.POST(
        new Request(`${APP}/api/tickets/auth/signin/email`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.7" },
          body: new URLSearchParams({ email, csrfToken: "whatever" }),
        }),
      );
    // Counted even though Auth.js then rejects them for the missing CSRF cookie.
    for (let i = 0; i < 5; i++) expect((await raw("Victim@example.com")).status).not.toBe(429);
    const refusedRaw = await raw("victim@example.com");
    expect(refusedRaw.status).toBe(429);
    expect(refusedRaw.headers.get("retry-after")).toBeTruthy();
    // ...and our endpoint sees the same counter.
    expect(
      (await postMagicLink({ email: "victim@example.com" }, { "x-forwarded-for": "192.0.2.9" })).status,
    ).toBe(429);
    expect(await db.emailOutbox.count()).toBe(0);
  });
});

describe("invitations", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("are claimed by the first sign-in with the invited address", async () => {
    const owner = await db.user.create({ data: { email: "owner@example.com" } });
    const organizer = await db.organizer.create({
      data: {
        name: "The Loft",
        slug: "the-loft",
        contactEmail: "owner@example.com",
        defaultCurrency: "cad",
        timezone: "America/Vancouver",
      },
    });
    await db.organizerMember.create({
      data: {
        organizerId: organizer.id,
        userId: owner.id,
        email: owner.email,
        role: "owner",
        acceptedAt: new Date(),
      },
    });
    await inviteMember(
      { userId: owner.id, email: owner.email, organizerId: organizer.id },
      { email: "New.Hire@Example.com", role: "scanner" },
    );
    const pending = await db.organizerMember.findFirstOrThrow({ where: { email: "new.hire@example.com" } });
    expect(pending.userId).toBeNull();

    await postMagicLink({ email: "new.hire@example.com" });
    await openLink(await latestLink("new.hire@example.com"));

    const user = await db.user.findUniqueOrThrow({ where: { email: "new.hire@example.com" } });
    const claimed = await db.organizerMember.findUniqueOrThrow({ where: { id: pending.id } });
    expect(claimed.userId).toBe(user.id);
    expect(claimed.acceptedAt).not.toBeNull();
    expect(claimed.role).toBe("scanner");
  });
});
