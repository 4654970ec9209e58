// Gives the test run a migrated database: the server named by DATABASE_URL (CI: a real PostgreSQL), or
// otherwise an in-memory embedded PGlite, so `npm test` needs no server.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { deployMigrations } from "@/lib/db/migrate";

let embedded: EmbeddedPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
  }
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  // The embedded database is one Postgres session: one connection per process (see lib/server/launch.ts).
  if (embedded) process.env.DATABASE_POOL_SIZE = "1";
  project.provide("databaseUrl", url);
  project.provide("embeddedDatabase", embedded !== undefined);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}
