import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { env, loadEnv } from "@/lib/env";
import {
  createOrderAccessToken,
  findOrderByAccessToken,
  orderAccessTokenFor,
  orderPassesUrl,
} from "@/lib/orders/order-access-token";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { sha256Hex } from "@/lib/tickets/signing";

describe("order access tokens", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("derive one token per link version; version 0 is the checkout's link", () => {
    const first = orderAccessTokenFor("order-1");
    expect(orderAccessTokenFor("order-1", 0)).toEqual(first);
    const versions = [0, 1, 2].map((v) => orderAccessTokenFor("order-1", v).token);
    expect(new Set([...versions, orderAccessTokenFor("order-2", 1).token]).size).toBe(4);
    expect(orderAccessTokenFor("order-1", 1).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are 32 random bytes in base64url, stored only as their sha256", () => {
    const a = createOrderAccessToken();
    const b = createOrderAccessToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.hash).toBe(sha256Hex(a.token));
    expect(a.token).not.toBe(b.token);
  });

  it("can be derived from the order id (so the webhook can rebuild the link), keyed by AUTH_SECRET", () => {
    const a = orderAccessTokenFor("ord_1");
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toBe(sha256Hex(a.token));
    expect(orderAccessTokenFor("ord_1")).toEqual(a);
    expect(orderAccessTokenFor("ord_2").token).not.toBe(a.token);
    vi.stubEnv("AUTH_SECRET", "another-secret-another-secret-another-secret");
    loadEnv();
    expect(orderAccessTokenFor("ord_1").token).not.toBe(a.token);
  });

  it("build the passes link on APP_URL", () => {
    expect(orderPassesUrl("ord_1", "abc-_Z")).toBe(
      `${new URL(env.APP_URL).origin}/tickets/order/ord_1?token=abc-_Z`,
    );
  });

  it("open their own order only", async () => {
    const { organizer } = await createOrganizerWithOwner();
    const { event, general } = await createPassesEvent(organizer.id);
    const one = await createPassesOrder(event, [{ tier: general, quantity: 1 }]);
    const two = await createPassesOrder(event, [{ tier: general, quantity: 1 }]);

    expect(await findOrderByAccessToken(one.order.id, one.token)).toMatchObject({
      id: one.order.id,
      organizerId: organizer.id,
      status: "pending",
    });
    expect(await findOrderByAccessToken(one.order.id, two.token)).toBeNull();
    expect(await findOrderByAccessToken("no-such-order", one.token)).toBeNull();
    expect(
      await findOrderByAccessToken(
        one.order.id,
        one.token.slice(0, -1) + (one.token.endsWith("A") ? "B" : "A"),
      ),
    ).toBeNull();
    expect(await findOrderByAccessToken(one.order.id, sha256Hex(one.token))).toBeNull(); // the hash is no key
    expect(await findOrderByAccessToken(one.order.id, "")).toBeNull();
    expect(await findOrderByAccessToken(one.order.id, "not a token!")).toBeNull();
  });
});
