// CSRF: a signed-in organizer's browser on another site (or a sibling origin of ours) cannot write, and a
// write's body must be JSON (or the multipart upload's form). Same-origin JSON writes work as before.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as authRoute from "@/app/api/tickets/auth/[...nextauth]/route";
import * as magicLinkRoute from "@/app/api/tickets/auth/magic-link/route";
import * as publishRoute from "@/app/api/tickets/events/[id]/publish/route";
import * as eventsRoute from "@/app/api/tickets/events/route";
import * as membersRoute from "@/app/api/tickets/organizers/members/route";
import { apiRequest, routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { eventFormInput } from "@/lib/events/testing";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

/** A write as a browser sends it: JSON body unless `body` is a string, and exactly the headers given. */
function write(
  path: string,
  cookie: string,
  headers: Record<string, string>,
  body: unknown = eventFormInput(),
) {
  return new Request(new URL(path, TEST_ORIGIN), {
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
}

beforeEach(resetDatabase);
afterEach(() => {
  vi.unstubAllEnvs();
  loadEnv();
});

describe("CSRF on writes", () => {
  it("refuses cross-site, sibling-origin and origin-less cookie writes with 403, writing nothing", async () => {
    const { owner } = await createOrganizerWithOwner("csrf-loft");
    const refused: Record<string, string>[] = [
      { origin: "https://evil.example.test" },
      { origin: "http://evil.localhost:3000" }, // sibling subdomain
      { origin: "http://localhost:3001" }, // same host, other port
      { origin: "https://localhost:3000" }, // other scheme
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      {}, // a cookie but neither header
    ];
    for (const headers of refused) {
      const response = await eventsRoute.POST(
        write("/api/tickets/events", owner.cookie, headers),
        routeContext(),
      );
      await expectProblem(response, 403);
    }
    const invite = await membersRoute.POST(
      write(
        "/api/tickets/organizers/members",
        owner.cookie,
        { origin: "https://evil.example.test" },
        { email: "attacker@evil.example.test", role: "owner" },
      ),
      routeContext(),
    );
    await expectProblem(invite, 403);
    expect(await db.event.count()).toBe(0);
    expect(await db.organizerMember.count()).toBe(1);
  });

  it("in development also takes localhost and 127.0.0.1 on APP_URL's port, never in production", async () => {
    const { owner } = await createOrganizerWithOwner("csrf-dev");
    const post = (origin: string) =>
      eventsRoute.POST(write("/api/tickets/events", owner.cookie, { origin }), routeContext());
    vi.stubEnv("APP_URL", "http://localhost:3000");
    vi.stubEnv("NODE_ENV", "development");
    loadEnv();
    expect((await post("http://127.0.0.1:3000")).status).toBe(201);
    await expectProblem(await post("http://127.0.0.1:4000"), 403);
    await expectProblem(await post("http://192.168.1.5:3000"), 403);
    vi.stubEnv("NODE_ENV", "test");
    loadEnv();
    await expectProblem(await post("http://127.0.0.1:3000"), 403);
    expect(await db.event.count()).toBe(1);
  });

  it("compares with APP_URL's origin: a sibling subdomain of the public host is refused", async () => {
    vi.stubEnv("APP_URL", "https://tickets.stagedoor.test");
    loadEnv();
    const { owner } = await createOrganizerWithOwner("csrf-sibling");
    for (const origin of [
      "https://evil.stagedoor.test",
      "https://stagedoor.test",
      "http://tickets.stagedoor.test",
    ]) {
      const response = await eventsRoute.POST(
        write("/api/tickets/events", owner.cookie, { origin }),
        routeContext(),
      );
      await expectProblem(response, 403);
    }
    expect(await db.event.count()).toBe(0);
  });

  it("refuses a same-origin write whose body is text/plain or form-encoded with 415, writing nothing", async () => {
    const { owner } = await createOrganizerWithOwner("csrf-plain");
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded"]) {
      const response = await eventsRoute.POST(
        write("/api/tickets/events", owner.cookie, { origin: TEST_ORIGIN, "content-type": type }),
        routeContext(),
      );
      await expectProblem(response, 415);
    }
    const noType = new Request(new URL("/api/tickets/events", TEST_ORIGIN), {
      method: "POST",
      headers: { cookie: owner.cookie, origin: TEST_ORIGIN },
      body: new Blob([JSON.stringify(eventFormInput())]),
    });
    await expectProblem(await eventsRoute.POST(noType, routeContext()), 415);
    expect(await db.event.count()).toBe(0);
  });

  it("lets same-origin JSON writes through (Origin, or Sec-Fetch-Site without it), and body-less actions", async () => {
    const { owner } = await createOrganizerWithOwner("csrf-ok");
    const byOrigin = await eventsRoute.POST(
      write("/api/tickets/events", owner.cookie, { origin: TEST_ORIGIN }),
      routeContext(),
    );
    expect(byOrigin.status).toBe(201);
    const byFetchSite = await eventsRoute.POST(
      write(
        "/api/tickets/events",
        owner.cookie,
        { "sec-fetch-site": "same-origin" },
        eventFormInput({ slug: "two" }),
      ),
      routeContext(),
    );
    expect(byFetchSite.status).toBe(201);
    expect(await db.event.count()).toBe(2);

    const draft = (await byOrigin.json()) as { id: string };
    await createTier(draft.id, { priceMinor: 0 });
    const publish = await publishRoute.POST(
      apiRequest(`/api/tickets/events/${draft.id}/publish`, { method: "POST", cookie: owner.cookie }),
      routeContext({ id: draft.id }),
    );
    expect(publish.status).toBe(200);
  });

  it("lets a client without cookies (a script, a scanner device) write without Origin", async () => {
    const response = await magicLinkRoute.POST(
      new Request(new URL("/api/tickets/auth/magic-link", TEST_ORIGIN), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "fan@example.com" }),
      }),
      routeContext(),
    );
    expect(response.status).toBe(200);
  });

  it("Auth.js's own endpoints refuse cross-site posts too", async () => {
    const { owner } = await createOrganizerWithOwner("csrf-auth");
    const response = await authRoute.POST(
      new Request(new URL("/api/tickets/auth/signout", TEST_ORIGIN), {
        method: "POST",
        headers: {
          cookie: owner.cookie,
          origin: "https://evil.example.test",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "callbackUrl=%2F",
      }),
    );
    await expectProblem(response, 403);
    expect(await db.session.count()).toBe(1);
  });
});
