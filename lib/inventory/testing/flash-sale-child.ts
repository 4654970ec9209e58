// A second app instance for the two-process proof in take-holds.concurrency.test.ts:
//   node --import tsx --import ./lib/server/hooks.mjs lib/inventory/testing/flash-sale-child.ts '<json>'
// Opens its own clients, waits for the shared start time, runs its buyers and prints the counts as JSON.
import { z } from "zod";
import { openCrowd, runBuyers } from "@/lib/inventory/testing/crowd";

const args = z
  .object({
    databaseUrl: z.string(),
    fixture: z.object({ organizerId: z.string(), eventId: z.string() }),
    tierId: z.string(),
    buyers: z.number().int().positive(),
    clients: z.number().int().positive(),
    poolSize: z.number().int().positive(),
    startAt: z.number(),
  })
  .parse(JSON.parse(process.argv[2] ?? "{}"));

const crowd = await openCrowd(args.databaseUrl, args.clients, args.poolSize);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, args.startAt - Date.now())));
const counts = await runBuyers(
  crowd,
  Array.from({ length: args.buyers }, () => ({ fixture: args.fixture, tierId: args.tierId, quantity: 1 })),
);
await crowd.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
