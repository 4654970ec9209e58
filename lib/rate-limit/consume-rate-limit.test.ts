import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { assertRateLimits, consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { deleteExpiredRateLimits, sweepRateLimitsJob } from "@/lib/rate-limit/sweep-rate-limits";
import { isAppError } from "@/lib/errors";
import { resetDatabase } from "@/lib/testing/db";

const rule = { limit: 5, windowMs: 15 * 60_000 };

/** Moves a window's end into the past, standing in for time passing. */
async function expireWindow(key: string) {
  await db.$executeRaw`UPDATE tickets_rate_limits SET expires_at = now() - interval '1 second' WHERE key = ${key}`;
}

describe("consumeRateLimit", () => {
  const otherClients = [
    createPrismaClient(inject("databaseUrl"), 4),
    createPrismaClient(inject("databaseUrl"), 4),
  ];

  beforeEach(async () => {
    await resetDatabase();
  });

  afterAll(async () => {
    await Promise.all(otherClients.map((c) => c.$disconnect()));
  });

  it("allows `limit` requests per window, then refuses with a sensible Retry-After", async () => {
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await consumeRateLimit("t:seq", rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    expect(results[0]?.retryAfterSeconds).toBe(0);
    const refused = results[5]!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(15 * 60 - 10);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("keeps separate counters per key", async () => {
    for (let i = 0; i < 5; i++) await consumeRateLimit("t:a", rule);
    expect((await consumeRateLimit("t:a", rule)).allowed).toBe(false);
    expect((await consumeRateLimit("t:b", rule)).allowed).toBe(true);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 6; i++) await consumeRateLimit("t:reset", rule);
    expect((await consumeRateLimit("t:reset", rule)).allowed).toBe(false);
    await expireWindow("t:reset");
    const fresh = await consumeRateLimit("t:reset", rule);
    expect(fresh).toEqual({ allowed: true, remaining: 4, retryAfterSeconds: 0 });
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: "t:reset" } });
    expect(row.count).toBe(1);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("resets by real time with a short window", async () => {
    const short = { limit: 1, windowMs: 400 };
    expect((await consumeRateLimit("t:short", short)).allowed).toBe(true);
    const refused = await consumeRateLimit("t:short", short);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect((await consumeRateLimit("t:short", short)).allowed).toBe(true);
  });

  it("allows exactly `limit` of many concurrent requests coming through separate clients (app instances)", async () => {
    const clients = [db, ...otherClients];
    const attempts = 30;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        consumeRateLimit("t:race", rule, { db: clients[i % clients.length] }),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(rule.limit);
    expect(results.filter((r) => !r.allowed)).toHaveLength(attempts - rule.limit);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: "t:race" } });
    expect(row.count).toBe(attempts);
  });

  it("control: a read-then-write counter over the same clients lets more than `limit` through", async () => {
    const clients = [db, ...otherClients];
    await db.rateLimit.create({
      data: { key: "t:naive", count: 0, windowStart: new Date(), expiresAt: new Date(Date.now() + 60_000) },
    });
    async function naiveConsume(client: (typeof clients)[number]): Promise<boolean> {
      const row = await client.rateLimit.findUniqueOrThrow({ where: { key: "t:naive" } });
      if (row.count >= rule.limit) return false;
      await new Promise((r) => setTimeout(r, 5)); // any latency between the read and the write
      await client.rateLimit.update({ where: { key: "t:naive" }, data: { count: row.count + 1 } });
      return true;
    }
    const allowed = await Promise.all(
      Array.from({ length: 30 }, (_, i) => naiveConsume(clients[i % clients.length]!)),
    );
    expect(allowed.filter(Boolean).length).toBeGreaterThan(rule.limit);
  });

  it("assertRateLimits throws a 429 AppError carrying the longest Retry-After", async () => {
    await assertRateLimits([{ key: "t:ip", rule: { limit: 1, windowMs: 60_000 } }]);
    const error = await assertRateLimits([
      { key: "t:ip", rule: { limit: 1, windowMs: 60_000 } },
      { key: "t:other", rule: { limit: 10, windowMs: 60_000 } },
    ]).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("rate_limited");
    expect(isAppError(error) && error.status).toBe(429);
    expect(isAppError(error) && error.retryAfterSeconds).toBeGreaterThan(50);
  });
});

describe("rate-limit sweep", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("deletes only expired windows", async () => {
    await consumeRateLimit("t:old", rule);
    await consumeRateLimit("t:live", rule);
    await expireWindow("t:old");
    expect(await deleteExpiredRateLimits()).toBe(1);
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual(["t:live"]);
    expect(sweepRateLimitsJob.name).toBe("rate-limit.sweep");
  });
});
