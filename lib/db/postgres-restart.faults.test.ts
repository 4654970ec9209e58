// Fault injection (issue 12 §2.4): PostgreSQL restarted under load. The app's own Prisma client and route
// handlers run against a private server that the test restarts (`pg_ctl restart -m fast`) while buyers keep
// checking out and browsing. Requests caught by the restart answer 503 problem+json with Retry-After (never a
// 500 or a crash), no order is half-written, and the same client serves again once the server is back.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as checkoutRoute } from "@/app/api/tickets/checkout/session/route";
import { GET as healthRoute } from "@/app/api/tickets/health/route";
import { routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { deployMigrations } from "@/lib/db/migrate";
import {
  findPostgresBin,
  startPrivatePostgres,
  type PrivatePostgres,
} from "@/lib/db/testing/private-postgres";
import { loadEnv } from "@/lib/env";
import { stubStripeEnv } from "@/lib/payments/testing/stub-stripe-env";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const BIN = findPostgresBin();
const SKIP_REASON =
  "needs PostgreSQL's server binaries (initdb, pg_ctl) to start and restart a private server; .ci/run installs them";

const APP_ORIGIN = "http://localhost:3000";

interface Outcome {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  at: number;
}

/** Points the app's one Prisma client at `url` (the client is created on first use after this). */
async function useDatabase(url: string): Promise<void> {
  const holder = globalThis as unknown as { stagedoorDb?: PrismaClient };
  await holder.stagedoorDb?.$disconnect();
  delete holder.stagedoorDb;
  vi.stubEnv("DATABASE_URL", url);
  loadEnv();
}

describe.skipIf(BIN === null)(
  `PostgreSQL restarted under load${BIN === null ? ` (skipped: ${SKIP_REASON})` : ""}`,
  () => {
    let server: PrivatePostgres | undefined;
    const originalUrl = process.env.DATABASE_URL ?? "";

    beforeAll(async () => {
      server = await startPrivatePostgres(BIN ?? "");
      await deployMigrations(server.url);
      await useDatabase(server.url);
      // Each buyer comes from its own address (behind one proxy), so the per-IP checkout limit stays out of it.
      stubStripeEnv({ TRUSTED_PROXY_HOPS: "1" });
    });

    afterAll(async () => {
      await useDatabase(originalUrl);
      vi.unstubAllEnvs();
      loadEnv();
      server?.stop();
    });

    it("answers 503 problem+json while the server restarts and serves again without an app restart", async () => {
      const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
      const event = await createOnSaleEvent(organizer.id);
      const tier = await createTier(event.id, { capacity: 100_000, maxPerOrder: 2 });
      let buyers = 0;
      const checkout = async (): Promise<Response> => {
        buyers += 1;
        return checkoutRoute(
          new Request(`${APP_ORIGIN}/api/tickets/checkout/session`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              origin: APP_ORIGIN,
              "x-forwarded-for": `10.0.${buyers % 250}.${Math.floor(buyers / 250) % 250}`,
            },
            body: JSON.stringify({
              eventId: event.id,
              items: [{ tierId: tier.id, quantity: 1 }],
              buyer: { email: `fan${buyers}@example.test`, name: "Fan" },
            }),
          }),
          routeContext(),
        );
      };
      const health = () => healthRoute(new Request(`${APP_ORIGIN}/api/tickets/health`), routeContext());

      const outcomes: Outcome[] = [];
      let running = true;
      const record = async (send: () => Promise<Response>) => {
        while (running) {
          const response = await send();
          outcomes.push({
            status: response.status,
            contentType: response.headers.get("content-type"),
            retryAfter: response.headers.get("retry-after"),
            at: Date.now(),
          });
          await response.arrayBuffer();
        }
      };
      const load = [checkout, checkout, checkout, checkout, health].map((send) => record(send));

      while (outcomes.length < 20) await new Promise((resolve) => setTimeout(resolve, 50));
      const restartStarted = Date.now();
      await server?.restart();
      const restartDone = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      running = false;
      await Promise.all(load);

      const before = outcomes.filter((o) => o.at < restartStarted);
      const during = outcomes.filter((o) => o.at >= restartStarted && o.at <= restartDone + 200);
      const failed = outcomes.filter((o) => o.status >= 500);
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((o) => o.status === 201 || o.status === 200)).toBe(true);
      // The restart really cut requests off, and each was told to retry, never a 500.
      expect(failed.length).toBeGreaterThan(0);
      expect(during.length).toBeGreaterThan(0);
      for (const o of failed) {
        expect(o.status).toBe(503);
        expect(o.contentType).toMatch(/^application\/(problem\+)?json/);
      }
      expect(
        failed.filter((o) => o.contentType === "application/problem+json").every((o) => o.retryAfter),
      ).toBe(true);

      // Recovered: the same client, no restart of the app.
      const after = await Promise.all(Array.from({ length: 6 }, () => checkout()));
      expect(after.map((r) => r.status)).toEqual(Array(6).fill(201));
      expect((await health()).status).toBe(200);

      // Nothing half-written: every order has its seat held, and every 201 has its order (an order whose reply
      // was cut off by the restart keeps its hold until the hold expires).
      const orders = await db.order.findMany({ select: { id: true, holds: { select: { quantity: true } } } });
      expect(orders.every((o) => o.holds.length === 1 && o.holds[0]?.quantity === 1)).toBe(true);
      const created = outcomes.filter((o) => o.status === 201).length + after.length;
      expect(orders.length).toBeGreaterThanOrEqual(created);
    });
  },
);
