// The first payments of an event without a signing key, issued at the same moment on separate Prisma clients
// (as separate app instances, or webhook jobs in parallel): every one succeeds on the first try and all
// share one key. The control runs the previous find-then-create and shows the unique violation that made
// payment jobs retry. Needs real parallelism: skipped on the embedded PGlite (one query at a time).
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { openCrowd, type Crowd } from "@/lib/inventory/testing/crowd";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { createOrganizerWithOwner } from "@/lib/testing/factories";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { getOrCreateEventKey, sealPrivateKey, verifyTicketCode } from "@/lib/tickets/signing";

const PAYMENTS = 20;
const SKIP_REASON = "needs a real PostgreSQL server (set DATABASE_URL): PGlite serializes every query";

beforeEach(resetDatabase);

/** An event without a signing key (made straight in the database) and `PAYMENTS` paid orders for it. */
async function eventWithPaidOrders() {
  const { organizer } = await createOrganizerWithOwner();
  const { event, general } = await createPassesEvent(organizer.id);
  const orders = [];
  for (let i = 0; i < PAYMENTS; i++) {
    orders.push((await createPassesOrder(event, [{ tier: general, quantity: 1 }], { status: "paid" })).order);
  }
  expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(0);
  return { event, orders };
}

/** How the key was made before: look for one, then create it (two transactions can both find none). */
async function findThenCreateKey(client: Db, event: { id: string; organizerId: string }) {
  const existing = await client.signingKey.findFirst({
    where: { eventId: event.id, organizerId: event.organizerId, retiredAt: null },
    orderBy: { keyId: "desc" },
  });
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const last = await client.signingKey.findFirst({
    where: { eventId: event.id },
    orderBy: { keyId: "desc" },
    select: { keyId: true },
  });
  return client.signingKey.create({
    data: {
      eventId: event.id,
      organizerId: event.organizerId,
      keyId: (last?.keyId ?? 0) + 1,
      publicKey: publicKey.export({ format: "jwk" }).x as string,
      privateKey: sealPrivateKey(privateKey.export({ format: "der", type: "pkcs8" })),
    },
  });
}

/**
 * Runs `work` for every order at once, order i on client i mod n, each in its own transaction; with
 * `staggerMs`, transaction i waits (i mod 4) × staggerMs first, so some start while others commit.
 */
async function allAtOnce(
  crowd: Crowd,
  orderIds: string[],
  work: (tx: Db, orderId: string) => Promise<unknown>,
  staggerMs = 0,
) {
  return Promise.allSettled(
    orderIds.map((orderId, i) => {
      const client = crowd.clients[i % crowd.clients.length];
      if (!client) throw new Error("no client");
      return client.$transaction(
        async (tx) => {
          if (staggerMs > 0) await new Promise((resolve) => setTimeout(resolve, (i % 4) * staggerMs));
          return work(tx, orderId);
        },
        { timeout: 30_000 },
      );
    }),
  );
}

describe.skipIf(onEmbeddedDatabase())(`an event's first payments at once (${SKIP_REASON})`, () => {
  let crowd: Crowd;
  beforeAll(async () => {
    crowd = await openCrowd(inject("databaseUrl"), 4, 5);
  });
  afterAll(async () => {
    await crowd?.close();
  });

  it("all issue their tickets on the first try, signed with the one key the event gets", async () => {
    const { event, orders } = await eventWithPaidOrders();
    const results = await allAtOnce(
      crowd,
      orders.map((o) => o.id),
      (tx, orderId) => issueTicketsForOrder(tx, orderId),
    );
    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const keys = await db.signingKey.findMany({
      where: { eventId: event.id },
      select: { keyId: true, publicKey: true },
    });
    expect(keys).toHaveLength(1);
    const tickets = await db.ticket.findMany({
      where: { eventId: event.id },
      select: { secret: true, keyId: true },
    });
    expect(tickets).toHaveLength(PAYMENTS);
    for (const t of tickets)
      expect(verifyTicketCode(t.secret, { id: event.id, keys })).toEqual({ ok: true, keyId: 1 });
  });

  it("control: find-then-create, the same way, hits the unique (event, key id) (the race is real)", async () => {
    const violations: number[] = [];
    for (let run = 0; run < 3 && !violations.some((n) => n > 0); run++) {
      await resetDatabase();
      const { event, orders } = await eventWithPaidOrders();
      const results = await allAtOnce(
        crowd,
        orders.map((o) => o.id),
        (tx) => findThenCreateKey(tx, event),
      );
      const reasons = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(reasons.every((reason) => /Unique constraint failed/.test(reason))).toBe(true);
      violations.push(reasons.length);
    }
    console.info(
      `control runs, first payments failed on the key's unique constraint: ${violations.join(", ")}`,
    );
    expect(Math.max(...violations)).toBeGreaterThan(0);
  });

  it("the new way, raced the same way and staggered, never fails and makes one key", async () => {
    for (const staggerMs of [0, 2, 5, 10, 20]) {
      await resetDatabase();
      const { event, orders } = await eventWithPaidOrders();
      const results = await allAtOnce(
        crowd,
        orders.map((o) => o.id),
        (tx) => getOrCreateEventKey(tx, event),
        staggerMs,
      );
      expect(results.every((r) => r.status === "fulfilled")).toBe(true);
      const keys = results.map((r) => (r as PromiseFulfilledResult<{ publicKey: string }>).value.publicKey);
      expect(new Set(keys).size, `stagger ${staggerMs} ms`).toBe(1);
      expect(await db.signingKey.count({ where: { eventId: event.id } })).toBe(1);
    }
  });
});
