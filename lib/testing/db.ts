import { inject } from "vitest";
import { db } from "@/lib/db";

/** Empties every tickets_ table; call in beforeEach of integration tests. */
export async function resetDatabase(): Promise<void> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'tickets\\_%'`;
  if (rows.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** True when tests run on the in-memory PGlite (queries are serialized there; real parallelism needs a server). */
export function onEmbeddedDatabase(): boolean {
  return inject("embeddedDatabase");
}
