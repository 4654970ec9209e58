import { inject } from "vitest";
import { db } from "@/lib/db";
import { truncateAllTables } from "@/lib/db/truncate";

/** Empties every tickets_ table; call in beforeEach of integration tests. */
export async function resetDatabase(): Promise<void> {
  await truncateAllTables(db);
}

/** True when tests run on the in-memory PGlite (queries are serialized there; real parallelism needs a server). */
export function onEmbeddedDatabase(): boolean {
  return inject("embeddedDatabase");
}
