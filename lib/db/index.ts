import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { SerialClient } from "@/lib/db/serial-pg-client";
import { env, requireDatabaseUrl } from "@/lib/env";

export type { Prisma } from "@/lib/db/generated/client";
export * from "@/lib/db/generated/enums";

/** A Prisma client or an interactive-transaction client: domain functions accept either. */
export type Db = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, Client: SerialClient }),
  });
}

const globalForDb = globalThis as unknown as { stagedoorDb?: PrismaClient };

function getDb(): PrismaClient {
  globalForDb.stagedoorDb ??= createPrismaClient(requireDatabaseUrl(), env.DATABASE_POOL_SIZE);
  return globalForDb.stagedoorDb;
}

/** The one Prisma client, created on first use so importing this module never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const client = getDb();
    const value = Reflect.get(client, key, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
