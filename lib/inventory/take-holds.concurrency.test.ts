// Concurrency proofs of the checkout's reservation (reserveSeats → takeHoldsBatch): many buyers on separate
// Prisma clients (and two processes) against one real PostgreSQL server. Each client batches its buyers
// (group commit, up to 2 batches in flight), so batches of different clients race for the same seats as
// separate app instances would. They need real parallelism, so they are skipped on the embedded PGlite (which
// runs one query at a time) and run wherever DATABASE_URL names a server (CI does).
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { inventoryLockKey } from "@/lib/inventory/lock-inventory";
import { takeHolds } from "@/lib/inventory/take-holds";
import { openCrowd, runBuyers, type Crowd, type OutcomeCounts } from "@/lib/inventory/testing/crowd";
import {
  countLiveHeldSeats,
  createInventoryFixture,
  createTestOrder,
  type BuyRequest,
} from "@/lib/inventory/testing/fixtures";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";

const EMBEDDED = onEmbeddedDatabase();
const SKIP_REASON = "needs a real PostgreSQL server (set DATABASE_URL): PGlite serializes every query";
// 4 clients × 15 connections for 200 buyers; the server's default max_connections (100) must leave room for
// the test's own pool and other sessions.
const CLIENTS = 4;
const POOL = 15;
const ROOT = path.resolve(import.meta.dirname, "..", "..");

beforeEach(async () => {
  await resetDatabase();
});

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const expectNoErrors = (counts: OutcomeCounts) => expect(counts.errors).toEqual([]);

describe.skipIf(EMBEDDED)(`takeHolds under concurrency (${SKIP_REASON})`, () => {
  let crowd: Crowd;
  beforeAll(async () => {
    crowd = await openCrowd(inject("databaseUrl"), CLIENTS, POOL);
  });
  afterAll(async () => {
    await crowd?.close();
  });

  it("sells exactly 50 of a 50-seat tier to 200 simultaneous buyers", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
    const [ga] = f.tierIds as [string];
    const counts = await runBuyers(
      crowd,
      Array.from({ length: 200 }, () => ({ fixture: f, tierId: ga, quantity: 1 })),
    );
    expectNoErrors(counts);
    expect({ ok: counts.ok, sold_out: counts.sold_out, busy: counts.busy }).toEqual({
      ok: 50,
      sold_out: 150,
      busy: 0,
    });
    expect(await countLiveHeldSeats(db, { eventId: f.eventId, tierId: ga })).toBe(50);
    expect(await db.hold.count({ where: { tierId: ga } })).toBe(50);
  });

  it("keeps an event cap of 50 across two tiers of 40 with buyers split between them", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 50,
      tiers: [
        { name: "GA", capacity: 40 },
        { name: "VIP", capacity: 40 },
      ],
    });
    const [ga, vip] = f.tierIds as [string, string];
    const counts = await runBuyers(
      crowd,
      Array.from({ length: 200 }, (_, i) => ({ fixture: f, tierId: i % 2 === 0 ? ga : vip, quantity: 1 })),
    );
    expectNoErrors(counts);
    expect({ ok: counts.ok, sold_out: counts.sold_out }).toEqual({ ok: 50, sold_out: 150 });
    expect(await countLiveHeldSeats(db, { eventId: f.eventId })).toBe(50);
    expect(await countLiveHeldSeats(db, { eventId: f.eventId, tierId: ga })).toBeLessThanOrEqual(40);
    expect(await countLiveHeldSeats(db, { eventId: f.eventId, tierId: vip })).toBeLessThanOrEqual(40);
  });

  it("never overshoots with buyers of 1 to 3 seats mixed in (tier and event cap)", async () => {
    const f = await createInventoryFixture(db, {
      eventCapacity: 50,
      tiers: [
        { name: "GA", capacity: 50 },
        { name: "VIP", capacity: 40 },
        { name: "Balcony", capacity: 50 },
      ],
    });
    const [ga, vip, balcony] = f.tierIds as [string, string, string];
    // GA alone (no event cap reached by it alone, tier cap 50) and VIP + Balcony under the event cap.
    const requests: BuyRequest[] = shuffled(
      Array.from({ length: 200 }, (_, i) => ({
        fixture: f,
        tierId: [ga, vip, balcony][i % 3] as string,
        quantity: 1 + (i % 4 === 0 ? 2 : i % 2),
      })),
    );
    const counts = await runBuyers(crowd, requests);
    expectNoErrors(counts);
    const held = await countLiveHeldSeats(db, { eventId: f.eventId });
    expect(held).toBe(counts.seats);
    expect(held).toBeLessThanOrEqual(50);
    // Every refusal saw fewer seats than it asked for (at most 3), and seats only go down: ≤ 2 left.
    expect(held).toBeGreaterThanOrEqual(48);
    expect(counts.ok + counts.sold_out).toBe(200);
  });

  it("control: the same run without the locks oversells (the race is real)", async () => {
    // The unsafe path runs the identical statements minus the advisory locks. Oversell needs two batches'
    // check-and-insert statements to overlap before either commits; with 8 batch transactions in flight
    // that is reliable, but the test allows up to 3 runs and requires at least one to oversell.
    const runs: number[] = [];
    for (let run = 0; run < 3 && !runs.some((held) => held > 50); run += 1) {
      await resetDatabase();
      const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
      const [ga] = f.tierIds as [string];
      const counts = await runBuyers(
        crowd,
        Array.from({ length: 200 }, () => ({ fixture: f, tierId: ga, quantity: 1, unsafeSkipLocks: true })),
      );
      expectNoErrors(counts);
      runs.push(await countLiveHeldSeats(db, { eventId: f.eventId, tierId: ga }));
    }
    console.info(`control runs, seats held of 50: ${runs.join(", ")}`);
    expect(Math.max(...runs)).toBeGreaterThan(50);
  });

  it("gives a code limited to 10 uses to exactly 10 of 100 simultaneous buyers", async () => {
    const f = await createInventoryFixture(db, {
      tiers: [{ name: "GA", capacity: 1000 }],
      discountMaxUses: 10,
    });
    const [ga] = f.tierIds as [string];
    const discount = { id: f.discountId ?? "", maxUses: 10 };
    const counts = await runBuyers(
      crowd,
      Array.from({ length: 100 }, () => ({ fixture: f, tierId: ga, quantity: 1, discount })),
    );
    expectNoErrors(counts);
    expect({ ok: counts.ok, discount_exhausted: counts.discount_exhausted }).toEqual({
      ok: 10,
      discount_exhausted: 90,
    });
    expect(await db.order.count({ where: { discountId: discount.id } })).toBe(10);
    expect(await countLiveHeldSeats(db, { eventId: f.eventId })).toBe(10);
  });

  it("answers busy after ~3 s when the tier lock is held by another transaction", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
    const [ga] = f.tierIds as [string];
    const [holder, buyer] = crowd.clients as [(typeof crowd.clients)[0], (typeof crowd.clients)[0]];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = holder.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${inventoryLockKey("tier", ga)}::int8)`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const started = Date.now();
    const error = await buyer
      .$transaction(
        async (tx) => {
          const order = await createTestOrder(tx, f);
          await takeHolds(tx, {
            eventId: f.eventId,
            orderId: order.id,
            lines: [{ tierId: ga, quantity: 1 }],
            payWithinMs: 60_000,
          });
        },
        { timeout: 30_000 },
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const elapsed = Date.now() - started;
    release();
    await holding;
    expect(
      isAppError(error) && { code: error.code, status: error.status, retry: error.retryAfterSeconds },
    ).toEqual({
      code: "busy",
      status: 503,
      retry: 1,
    });
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(6_000);
    expect(await db.hold.count()).toBe(0);
    expect(await db.order.count()).toBe(0);
  });
});

// Its own block: the pools above are closed by then, so the children's connections fit in max_connections.
describe.skipIf(EMBEDDED)(`takeHolds across processes (${SKIP_REASON})`, () => {
  it("sells exactly 50 across two app processes of 100 buyers each", async () => {
    const f = await createInventoryFixture(db, { tiers: [{ name: "GA", capacity: 50 }] });
    const [ga] = f.tierIds as [string];
    const startAt = Date.now() + 4_000;
    const child = (): Promise<OutcomeCounts> =>
      new Promise((resolve, reject) => {
        const args = JSON.stringify({
          databaseUrl: inject("databaseUrl"),
          fixture: { organizerId: f.organizerId, eventId: f.eventId },
          tierId: ga,
          buyers: 100,
          clients: 2,
          poolSize: 10,
          startAt,
        });
        const proc = spawn(
          process.execPath,
          [
            "--import",
            "tsx",
            "--import",
            "./lib/server/hooks.mjs",
            "lib/inventory/testing/flash-sale-child.ts",
            args,
          ],
          {
            cwd: ROOT,
            env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        let err = "";
        proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
        proc.on("error", reject);
        proc.on("close", (code) => {
          if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
          resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as OutcomeCounts);
        });
      });
    const [a, b] = await Promise.all([child(), child()]);
    expectNoErrors(a);
    expectNoErrors(b);
    expect(a.ok + b.ok).toBe(50);
    expect(a.sold_out + b.sold_out).toBe(150);
    expect(await countLiveHeldSeats(db, { eventId: f.eventId, tierId: ga })).toBe(50);
  }, 60_000);
});
