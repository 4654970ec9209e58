import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { runDueJobs } from "@/lib/jobs/worker";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { ORDER_LINKS_LIMITS } from "@/lib/orders/request-order-links";
import { sendOrderLinksJob } from "@/lib/orders/send-order-links-job";
import { resetDatabase } from "@/lib/testing/db";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { GET as getOrder } from "../[id]/route";
import { POST } from "./route";

const find = (body: unknown, headers: Record<string, string> = {}) =>
  POST(apiRequest("/api/tickets/orders/find", { method: "POST", body, headers }), routeContext());

const openOrder = async (orderId: string, token: string) =>
  (
    await getOrder(
      apiRequest(`/api/tickets/orders/${orderId}?token=${encodeURIComponent(token)}`),
      routeContext({ id: orderId }),
    )
  ).status;

async function paidOrder(organizerSlug: string, buyerEmail: string, token: "random" | "derived") {
  const { organizer } = await createOrganizerWithOwner(organizerSlug);
  const { event, general } = await createPassesEvent(organizer.id, { title: `Show at ${organizerSlug}` });
  const { order, token: link } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
    buyerEmail,
    token,
  });
  await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  return { event, general, order, token: link };
}

/** The passes links in the order-links messages to `to`: order id → token. */
async function linksEmailedTo(to: string): Promise<Map<string, string>> {
  const messages = await db.emailOutbox.findMany({
    where: { toAddress: to, template: "order-links" },
    select: { text: true },
  });
  expect(messages).toHaveLength(1);
  const links = new Map<string, string>();
  for (const match of (messages[0]?.text ?? "").matchAll(/\/tickets\/order\/([\w-]+)\?token=([\w-]+)/g)) {
    if (match[1] && match[2]) links.set(match[1], match[2]);
  }
  return links;
}

describe("POST /api/tickets/orders/find", () => {
  beforeEach(resetDatabase);
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("answers a known and an unknown address identically, and emails only the known one its links", async () => {
    const blue = await paidOrder("blue-room", "ana@example.com", "derived");
    // An older order whose random token cannot be rebuilt: the email moves it to a link it can carry.
    const red = await paidOrder("red-room", "ana@example.com", "random");
    const pending = await createPassesOrder(blue.event, [{ tier: blue.general, quantity: 1 }], {
      buyerEmail: "ana@example.com",
    });
    await paidOrder("green-room", "bob@example.com", "derived");

    const known = await find({ email: " Ana@Example.com" });
    const unknown = await find({ email: "nobody@example.com" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    expect(known.headers.get("content-type")).toBe(unknown.headers.get("content-type"));

    expect(await runDueJobs([sendOrderLinksJob])).toEqual(["succeeded", "succeeded"]);
    expect(await db.emailOutbox.count()).toBe(1);
    const links = await linksEmailedTo("ana@example.com");
    expect([...links.keys()].sort()).toEqual([blue.order.id, red.order.id].sort());
    expect(links.has(pending.order.id)).toBe(false);
    for (const [orderId, token] of links) expect(await openOrder(orderId, token)).toBe(200);
    expect(links.get(blue.order.id)).toBe(blue.token);
    expect(await openOrder(red.order.id, red.token)).toBe(404);
  });

  it("refuses a malformed or ambiguous address with a 422 naming the field", async () => {
    for (const email of ["not-an-email", "ana@example.com, bob@example.com", "", 42]) {
      const response = await find({ email });
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain("email");
    }
    expect(await db.job.count({ where: { name: sendOrderLinksJob.name } })).toBe(0);
  });

  it("limits requests per address: a 429 with Retry-After and a clear message, nothing queued", async () => {
    const { perEmail } = ORDER_LINKS_LIMITS;
    for (let i = 0; i < perEmail.limit; i++)
      expect((await find({ email: "ana@example.com" })).status).toBe(202);
    // Another spelling of the same address counts against the same limit.
    const limited = await find({ email: "ANA@example.com" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(
      /too many requests.*try again in \d+ minute/i,
    );
    expect(await db.job.count({ where: { name: sendOrderLinksJob.name } })).toBe(perEmail.limit);
    expect((await find({ email: "bob@example.com" })).status).toBe(202);
  });

  it("limits requests per IP when the caller's address is known", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    loadEnv();
    const { perIp } = ORDER_LINKS_LIMITS;
    const from = (ip: string, n: number) =>
      find({ email: `buyer-${n}@example.com` }, { "x-forwarded-for": ip });
    for (let i = 0; i < perIp.limit; i++) expect((await from("203.0.113.9", i)).status).toBe(202);
    const limited = await from("203.0.113.9", perIp.limit);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    expect((await from("198.51.100.4", perIp.limit)).status).toBe(202);
  });
});
