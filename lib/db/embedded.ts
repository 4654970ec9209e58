// The embedded default: PGlite (PostgreSQL compiled to wasm) in this process, stored in a folder, served
// on a loopback port through PGLiteSocketServer so the app, the worker and migrations all speak the
// ordinary Postgres wire protocol: one code path for embedded and server databases.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** `dataDir` undefined keeps the database in memory (tests). Port 0 picks a free port. */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // Extensions the migrations create must be loaded into the wasm build up front (pg_trgm: order search).
  const pg = new PGlite({ dataDir: options.dataDir, extensions: { pg_trgm } });
  await pg.waitReady;
  const server = new PGLiteSocketServer({
    db: pg,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 100,
  });
  let port = 0;
  server.addEventListener("listening", (e) => {
    port = (e as CustomEvent<{ port: number }>).detail.port;
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pg.close();
    },
  };
}
