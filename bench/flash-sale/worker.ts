// One app process of the benchmark: its own Prisma clients, `clients` loops of the checkout's reservation
// (reserveSeats: pending order + holds) from the shared start time until the deadline, the attempts before
// `measureFrom` uncounted; prints a LoopResult as JSON.
import { z } from "zod";
import { createPrismaClient } from "@/lib/db";
import { buy, type BuyRequest } from "@/lib/inventory/testing/fixtures";
import { runLoops } from "./loops";

const args = z
  .object({
    databaseUrl: z.string(),
    fixture: z.object({ organizerId: z.string(), eventId: z.string() }),
    tierId: z.string(),
    clients: z.number().int().positive(),
    connections: z.number().int().positive(),
    pools: z.number().int().positive(),
    startAt: z.number(),
    measureFrom: z.number(),
    deadline: z.number(),
    unsafeSkipLocks: z.boolean().default(false),
  })
  .parse(JSON.parse(process.argv[2] ?? "{}"));

const perPool = Math.max(1, Math.floor(args.connections / args.pools));
const pools = Array.from({ length: args.pools }, () => createPrismaClient(args.databaseUrl, perPool));
await Promise.all(
  pools.flatMap((c) => Array.from({ length: perPool }, () => c.$executeRaw`SELECT pg_sleep(0.05)`)),
);
const request: BuyRequest = {
  fixture: args.fixture,
  tierId: args.tierId,
  quantity: 1,
  unsafeSkipLocks: args.unsafeSkipLocks,
};
await new Promise((resolve) => setTimeout(resolve, Math.max(0, args.startAt - Date.now())));
const result = await runLoops(
  args.clients,
  args.deadline,
  async (i) => {
    const client = pools[i % pools.length];
    if (!client) throw new Error("no pool");
    const res = await buy(client, request);
    if (res.outcome === "error") throw res.error;
    return res.outcome;
  },
  args.measureFrom,
);
await Promise.all(pools.map((p) => p.$disconnect()));
process.stdout.write(`${JSON.stringify(result)}\n`);
