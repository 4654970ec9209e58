// The magic-link limit bypass: Auth.js's raw signin/email endpoint read the address differently from our
// limiter (`victim@x,N` → Auth.js drops what follows the comma; repeated `email` fields → the limiter keyed on
// the first, Auth.js mailed the last). One spelling of an address now, ambiguous bodies are a 422, and the
// per-address limit holds on every path that sends a link.
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/tickets/auth/[...nextauth]/route";
import * as magicLinkRoute from "@/app/api/tickets/auth/magic-link/route";
import { canonicalEmail } from "@/lib/auth/email";
import { MAGIC_LINK_LIMITS } from "@/lib/auth/request-magic-link";
import { routeContext, TEST_ORIGIN } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/db";

const VICTIM = "victim@example.com";

/** An attacker's own Auth.js CSRF token and cookie (anyone can fetch a pair). */
async function csrfPair(): Promise<{ csrfToken: string; cookie: string }> {
  const response = await authRoute.GET(new Request(`${TEST_ORIGIN}/api/tickets/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

function rawSignIn(body: string, cookie: string, contentType = "application/x-www-form-urlencoded") {
  return authRoute.POST(
    new Request(`${TEST_ORIGIN}/api/tickets/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": contentType, cookie, origin: TEST_ORIGIN },
      body,
    }),
  );
}

const mailsTo = (to: string) => db.emailOutbox.count({ where: { toAddress: to, template: "magic-link" } });

beforeEach(resetDatabase);

describe("magic links: one spelling of an address on every path", () => {
  it("refuses `victim,N` addresses on Auth.js's endpoint with 422 instead of mailing the victim", async () => {
    const { csrfToken, cookie } = await csrfPair();
    for (let n = 1; n <= MAGIC_LINK_LIMITS.perEmail.limit + 3; n++) {
      const response = await rawSignIn(
        new URLSearchParams({ email: `${VICTIM},${n}`, csrfToken }).toString(),
        cookie,
      );
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await mailsTo(VICTIM)).toBe(0);
  });

  it("refuses repeated email fields (and any repeated field) with 422", async () => {
    const { csrfToken, cookie } = await csrfPair();
    for (let n = 1; n <= MAGIC_LINK_LIMITS.perEmail.limit + 3; n++) {
      const body = `email=fresh${n}%40example.com&email=${encodeURIComponent(VICTIM)}&csrfToken=${csrfToken}`;
      const response = await rawSignIn(body, cookie);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("email");
    }
    const twoTokens = await rawSignIn(
      `email=${encodeURIComponent(VICTIM)}&csrfToken=a&csrfToken=${csrfToken}`,
      cookie,
    );
    expect(twoTokens.status).toBe(422);
    const jsonArray = await rawSignIn(
      JSON.stringify({ email: [VICTIM], csrfToken }),
      cookie,
      "application/json",
    );
    expect(jsonArray.status).toBe(422);
    expect(await mailsTo(VICTIM)).toBe(0);
  });

  it("counts every spelling of one address together, on Auth.js's endpoint and ours", async () => {
    const { csrfToken, cookie } = await csrfPair();
    const spellings = [
      "victim@example.com",
      "VICTIM@Example.com",
      " victim@example.com ",
      "ｖｉｃｔｉｍ@example.com",
    ];
    for (let i = 0; i < MAGIC_LINK_LIMITS.perEmail.limit; i++) {
      const email = spellings[i % spellings.length]!;
      const response = await rawSignIn(new URLSearchParams({ email, csrfToken }).toString(), cookie);
      expect(response.status, email).toBe(302);
    }
    expect(await mailsTo(VICTIM)).toBe(MAGIC_LINK_LIMITS.perEmail.limit);
    const again = await rawSignIn(
      new URLSearchParams({ email: "Victim@example.com", csrfToken }).toString(),
      cookie,
    );
    expect(again.status).toBe(429);
    const ours = await magicLinkRoute.POST(
      new Request(`${TEST_ORIGIN}/api/tickets/auth/magic-link`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "victim@EXAMPLE.com" }),
      }),
      routeContext(),
    );
    expect(ours.status).toBe(429);
    expect(await mailsTo(VICTIM)).toBe(MAGIC_LINK_LIMITS.perEmail.limit);
  });

  it("our endpoint refuses ambiguous addresses with 422 naming email", async () => {
    for (const email of [
      `${VICTIM},x`,
      "victim@example.com;x@example.com",
      "victim@evil@example.com",
      "vic tim@example.com",
      "victim\u0000@example.com",
      '"victim"@example.com',
      "victim@example.com\r\nbcc:x@example.com",
    ]) {
      const response = await magicLinkRoute.POST(
        new Request(`${TEST_ORIGIN}/api/tickets/auth/magic-link`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email }),
        }),
        routeContext(),
      );
      expect(response.status, JSON.stringify(email)).toBe(422);
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual(["email"]);
    }
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("canonicalEmail: NFKC, trimmed, lower case; null for anything ambiguous", () => {
    expect(canonicalEmail(" Ana@Example.COM ")).toBe("ana@example.com");
    expect(canonicalEmail("ａｎａ＠example.com")).toBe("ana@example.com");
    for (const bad of [
      "ana@x.test,2",
      "ana@@x.test",
      "a@b@x.test",
      "an a@x.test",
      "",
      "ana",
      "ana@x.test\u0000",
    ])
      expect(canonicalEmail(bad), JSON.stringify(bad)).toBeNull();
  });
});
