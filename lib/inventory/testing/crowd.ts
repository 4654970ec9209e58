// Many buyers at once over several Prisma clients (each its own connection pool), as separate app instances
// would be. Used by the concurrency proofs, the two-process child and the flash-sale benchmark.
import "server-only";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { buy, type BuyOutcome, type BuyRequest } from "@/lib/inventory/testing/fixtures";

export interface Crowd {
  clients: PrismaClient[];
  close(): Promise<void>;
}

/** `clients` Prisma clients with `poolSize` connections each, all opened before returning. */
export async function openCrowd(databaseUrl: string, clients: number, poolSize: number): Promise<Crowd> {
  const list = Array.from({ length: clients }, () => createPrismaClient(databaseUrl, poolSize));
  // Open every connection now, so the buyers race each other rather than connection setup.
  await Promise.all(
    list.flatMap((client) =>
      Array.from({ length: poolSize }, () => client.$executeRaw`SELECT pg_sleep(0.05)`),
    ),
  );
  return { clients: list, close: () => Promise.all(list.map((c) => c.$disconnect())).then(() => undefined) };
}

export type OutcomeCounts = Record<BuyOutcome, number> & { seats: number; errors: string[] };

/** Runs every request at once, buyer i on client i mod n; counts outcomes and the seats taken. */
export async function runBuyers(crowd: Crowd, requests: BuyRequest[]): Promise<OutcomeCounts> {
  const counts: OutcomeCounts = {
    ok: 0,
    sold_out: 0,
    discount_exhausted: 0,
    busy: 0,
    error: 0,
    seats: 0,
    errors: [],
  };
  await Promise.all(
    requests.map(async (request, i) => {
      const client = crowd.clients[i % crowd.clients.length];
      if (!client) throw new Error("no client");
      const result = await buy(client, request);
      counts[result.outcome] += 1;
      if (result.outcome === "ok") counts.seats += request.quantity;
      if (result.outcome === "error" && counts.errors.length < 5) counts.errors.push(String(result.error));
    }),
  );
  return counts;
}
