import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SerialClient } from "@/lib/db/serial-pg-client";
import { requireDatabaseUrl } from "@/lib/env";

/**
 * Runs `work` and counts the calls that found another query of the same client still queued or running:
 * pg's own condition for its deprecation (`_queryQueue.length > 0`), which it reports once per process only.
 */
async function overlapsDuring(work: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let overlaps = 0;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    if ((this as unknown as { _queryQueue: unknown[] })._queryQueue.length > 0) overlaps++;
    return (original as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return overlaps;
}

const clients: pg.Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end()));
});

async function connected(Client: typeof pg.Client) {
  const client = new Client({ connectionString: requireDatabaseUrl() });
  clients.push(client);
  await client.connect();
  return client;
}

describe("SerialClient", () => {
  it("runs overlapping calls one after another, in order, without pg's deprecation; a failure stops nothing", async () => {
    const client = await connected(SerialClient);
    let results: PromiseSettledResult<pg.QueryResult<{ n: number }>>[] = [];
    const overlaps = await overlapsDuring(async () => {
      results = await Promise.allSettled([
        client.query<{ n: number }>("SELECT pg_sleep(0.05), 1 AS n"),
        client.query<{ n: number }>({ text: "SELECT $1::int AS n", values: [2] }),
        client.query<{ n: number }>("SELECT * FROM no_such_table"),
        client.query<{ n: number }>("SELECT $1::int AS n", [4]),
      ]);
    });
    expect(overlaps).toBe(0);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.rows[0]?.n : "rejected"))).toEqual([
      1,
      2,
      "rejected",
      4,
    ]);
  });

  it("(control) a plain pg client given overlapping calls meets the deprecated queue", async () => {
    const client = await connected(pg.Client);
    // The deprecation itself stays out of the test log.
    process.noDeprecation = true;
    const overlaps = await overlapsDuring(() =>
      Promise.all([
        client.query("SELECT pg_sleep(0.05)"),
        client.query("SELECT 2"),
        client.query("SELECT 3"),
      ]),
    );
    process.noDeprecation = false;
    // The first runs, the second waits as the next query, the third finds it queued.
    expect(overlaps).toBe(1);
  });
});
