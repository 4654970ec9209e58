import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  hashPrincipal,
  hashRequest,
  parseIdempotencyKey,
  parseIdempotentRequest,
} from "@/lib/idempotency/parse-idempotent-request";

const bytes = (text: string) => new TextEncoder().encode(text);

function post(path: string, headers: Record<string, string> = {}): Request {
  return new Request(new URL(path, "http://localhost:3000"), { method: "POST", headers });
}

function keyError(value: string): unknown {
  try {
    parseIdempotencyKey(value);
  } catch (error) {
    return error;
  }
  return null;
}

describe("parseIdempotencyKey", () => {
  it("takes 1 to 255 printable ASCII characters, and none at all", () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey("a")).toBe("a");
    expect(parseIdempotencyKey("0b9c3e7e-8d7a-4f7e-9f51-2d1c7f1f0a11")).toBe(
      "0b9c3e7e-8d7a-4f7e-9f51-2d1c7f1f0a11",
    );
    expect(parseIdempotencyKey("x".repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey("order 42 / try #1 ~!")).toBe("order 42 / try #1 ~!");
  });

  it("refuses an empty, too long or non-ASCII key with a 422 naming the header", () => {
    for (const value of ["", "x".repeat(256), "clé", "tab\there", "nul\u0000", "emoji🎫"]) {
      const error = keyError(value);
      expect(isAppError(error) && error.status).toBe(422);
      expect(isAppError(error) && error.fields.map((f) => f.field)).toEqual(["idempotency-key"]);
    }
  });
});

describe("hashPrincipal", () => {
  const principal = (headers: Record<string, string>) => hashPrincipal(new Headers(headers));

  it("is the session cookie and Authorization header, not other cookies", () => {
    const anonymous = principal({});
    expect(anonymous).toMatch(/^[0-9a-f]{64}$/);
    expect(principal({ cookie: "stagedoor_org=o1; theme=dark" })).toBe(anonymous);
    const alice = principal({ cookie: "authjs.session-token=alice" });
    expect(alice).not.toBe(anonymous);
    expect(principal({ cookie: "stagedoor_org=o2; authjs.session-token=alice" })).toBe(alice);
    expect(principal({ cookie: "authjs.session-token=bob" })).not.toBe(alice);
    expect(principal({ cookie: "__Secure-authjs.session-token=alice" })).not.toBe(anonymous);
    expect(principal({ authorization: "Bearer device-1" })).not.toBe(anonymous);
    expect(principal({ authorization: "Bearer device-1" })).not.toBe(
      principal({ authorization: "Bearer 2" }),
    );
  });

  it("covers every chunk of a split session cookie, in any order", () => {
    const split = principal({ cookie: "authjs.session-token.0=aa; authjs.session-token.1=bb" });
    expect(principal({ cookie: "authjs.session-token.1=bb; authjs.session-token.0=aa" })).toBe(split);
    expect(principal({ cookie: "authjs.session-token.0=aa; authjs.session-token.1=cc" })).not.toBe(split);
  });
});

describe("hashRequest", () => {
  const json = { "content-type": "application/json" };

  it("changes with the body, the query, the content type and the acting organizer", () => {
    const base = hashRequest(post("/api/x", json), bytes('{"a":1}'));
    expect(hashRequest(post("/api/x", json), bytes('{"a":1}'))).toBe(base);
    expect(hashRequest(post("/api/x", json), bytes('{"a":2}'))).not.toBe(base);
    expect(hashRequest(post("/api/x?token=t", json), bytes('{"a":1}'))).not.toBe(base);
    expect(hashRequest(post("/api/x", { "content-type": "text/plain" }), bytes('{"a":1}'))).not.toBe(base);
    expect(hashRequest(post("/api/x", { ...json, "x-organizer-id": "o2" }), bytes('{"a":1}'))).not.toBe(base);
    expect(hashRequest(post("/api/x", { ...json, cookie: "stagedoor_org=o2" }), bytes('{"a":1}'))).not.toBe(
      base,
    );
    // The session is the principal's business, not the request's.
    expect(hashRequest(post("/api/x", { ...json, cookie: "authjs.session-token=s" }), bytes('{"a":1}'))).toBe(
      base,
    );
  });

  it("ignores a multipart body's random boundary (a retried upload), not its content", async () => {
    async function multipart(value: string) {
      const form = new FormData();
      form.set("kind", value);
      const encoded = new Request("http://localhost:3000/api/x", { method: "POST", body: form });
      const body = new Uint8Array(await encoded.arrayBuffer());
      const contentType = encoded.headers.get("content-type") ?? "";
      return { body, contentType, hash: hashRequest(post("/api/x", { "content-type": contentType }), body) };
    }
    const first = await multipart("event-cover");
    const again = await multipart("event-cover");
    expect(again.contentType).not.toBe(first.contentType);
    expect(again.hash).toBe(first.hash);
    expect((await multipart("organizer-logo")).hash).not.toBe(first.hash);
  });
});

describe("parseIdempotentRequest", () => {
  it("is null without the header, and the path without its query with one", () => {
    expect(parseIdempotentRequest(post("/api/x"), bytes(""))).toBeNull();
    const parsed = parseIdempotentRequest(
      post("/api/orders/o1/access-link?token=secret", { "idempotency-key": "k1" }),
      bytes("{}"),
    );
    expect(parsed).toMatchObject({ key: "k1", method: "POST", path: "/api/orders/o1/access-link" });
    expect(JSON.stringify(parsed)).not.toContain("secret");
  });
});
