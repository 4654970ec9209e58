// Flash-sale benchmark: holds/s and latency of the checkout's reservation (reserveSeats: pending order +
// 1 held seat, buyers of the event served together by group commit) on one event, a sell-out phase checking
// zero oversell, and the server's raw ceiling for one hot row (conditional UPDATE) from the same number of
// clients. Creates and drops its own database. See bench/README.md for results.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     node --import tsx --import ./lib/server/hooks.mjs bench/flash-sale/run.ts
//
// Knobs (env): BENCH_SECONDS (10) per throughput phase; BENCH_CLIENTS ("50,200"); BENCH_CONNECTIONS (60) in
// total (the server's max_connections is usually 100; clients beyond it queue for a connection);
// BENCH_PROCESSES (1) app processes sharing the clients and connections; BENCH_POOLS (1) Prisma clients per
// process (one per app instance; each batches on its own); BENCH_WARMUP (2) seconds run before each
// throughput phase and not counted; BENCH_SELLOUT (5000) seats in the
// sell-out phase; BENCH_UNSAFE=1 adds lock-free control runs (throughput and sell-out) to show what the
// locks cost and that the sell-out oversells without them.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { deployMigrations } from "@/lib/db/migrate";
import {
  countLiveHeldSeats,
  createInventoryFixture,
  type InventoryFixture,
} from "@/lib/inventory/testing/fixtures";
import { emptyLoopResult, runLoops, type LoopResult } from "./loops";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL (a real PostgreSQL server) is required.");
  process.exit(1);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? "50,200").split(",").map(Number);
let CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 60);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const POOLS = Number(process.env.BENCH_POOLS ?? 1);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const SELLOUT = Number(process.env.BENCH_SELLOUT ?? 5000);
const UNSAFE = process.env.BENCH_UNSAFE === "1";
const ROOT = path.resolve(import.meta.dirname, "..", "..");

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** Machine-wide CPU jiffies (Linux /proc/stat): busy = everything but idle and iowait. */
async function machineCpu(): Promise<{ busy: number; total: number }> {
  const { readFile } = await import("node:fs/promises");
  const line = (await readFile("/proc/stat", "utf8").catch(() => "cpu 0")).split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
}

interface Row extends LoopResult {
  name: string;
  clients: number;
  connections: number;
  cpuBusy: number;
}

/** Runs `clients` buyer loops split over PROCESSES worker processes until `deadline`; merges their results. */
async function runWorkers(
  url: string,
  fixture: InventoryFixture,
  clients: number,
  connections: number,
  seconds: number,
  unsafeSkipLocks = false,
  warmUp = WARMUP,
): Promise<LoopResult> {
  const startAt = Date.now() + 3_000; // time for every worker to open its connections
  const measureFrom = startAt + warmUp * 1000;
  const deadline = measureFrom + seconds * 1000;
  const share = (total: number, i: number) => Math.floor(total / PROCESSES) + (i < total % PROCESSES ? 1 : 0);
  const results = await Promise.all(
    Array.from(
      { length: PROCESSES },
      (_, i) =>
        new Promise<LoopResult>((resolve, reject) => {
          const args = JSON.stringify({
            databaseUrl: url,
            fixture: { organizerId: fixture.organizerId, eventId: fixture.eventId },
            tierId: fixture.tierIds[0],
            clients: share(clients, i),
            connections: Math.max(1, share(connections, i)),
            pools: POOLS,
            startAt,
            measureFrom,
            deadline,
            unsafeSkipLocks,
          });
          const proc = spawn(
            process.execPath,
            ["--import", "tsx", "--import", "./lib/server/hooks.mjs", "bench/flash-sale/worker.ts", args],
            { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
          );
          let out = "";
          proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
          proc.on("error", reject);
          proc.on("close", (code) => {
            if (code !== 0) return reject(new Error(`worker exited with ${code}`));
            resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as LoopResult);
          });
        }),
    ),
  );
  const merged = emptyLoopResult();
  for (const r of results) {
    merged.ok += r.ok;
    merged.warmUpOk += r.warmUpOk;
    merged.refused += r.refused;
    merged.busy += r.busy;
    merged.errors += r.errors;
    merged.seconds = Math.max(merged.seconds, r.seconds);
    merged.latencies.push(...r.latencies);
    merged.firstError ??= r.firstError;
  }
  if (merged.firstError) console.error("first error:", merged.firstError);
  return merged;
}

async function main(url: string): Promise<void> {
  const info = new pg.Client({ connectionString: url });
  info.on("error", () => {}); // the final DROP DATABASE … WITH (FORCE) may end it first
  await info.connect();
  // Other sessions share the server: stay 10 below max_connections, counting theirs.
  const budget = (
    await info.query<{ free: number }>(
      "SELECT current_setting('max_connections')::int - count(*)::int - 10 AS free FROM pg_stat_activity",
    )
  ).rows[0]?.free;
  if (budget !== undefined && budget < CONNECTIONS) {
    console.log(`only ${budget} connections free on the server: using ${budget} instead of ${CONNECTIONS}`);
    CONNECTIONS = Math.max(4, budget);
  }
  const version = (await info.query<{ server_version: string }>("SHOW server_version")).rows[0]
    ?.server_version;
  const settings = (
    await info.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('max_connections','synchronous_commit','fsync') ORDER BY name",
    )
  ).rows
    .map((r) => `${r.name}=${r.setting}`)
    .join(", ");
  console.log(
    `machine: nproc ${os.availableParallelism()} (${os.cpus()[0]?.model ?? "?"}), PostgreSQL ${version}`,
  );
  console.log(
    `server: ${settings}; load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `${SECONDS}s per throughput phase; clients ${CLIENT_COUNTS.join("/")}; ≤ ${CONNECTIONS} connections; ` +
      `${PROCESSES} app process(es)`,
  );

  const setup = createPrismaClient(url, 2);
  const rows: Row[] = [];
  const notes: string[] = [];
  const holdsPerSecond = new Map<number, number>();

  // 1. Throughput: a tier too big to sell out (1,000,000 seats), every client buying 1 seat in a loop.
  for (const clients of CLIENT_COUNTS) {
    const connections = Math.min(clients, CONNECTIONS);
    const f = await createInventoryFixture(setup, { tiers: [{ name: "GA", capacity: 1_000_000 }] });
    const cpu0 = await machineCpu();
    const r = await runWorkers(url, f, clients, connections, SECONDS);
    const cpu1 = await machineCpu();
    const held = await countLiveHeldSeats(setup, { eventId: f.eventId });
    if (held !== r.ok + r.warmUpOk) throw new Error(`held ${held} ≠ ok ${r.ok} + warm-up ${r.warmUpOk}`);
    const cpuBusy = (cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total);
    rows.push({
      name: "checkout reservation (order + 1 seat), tier of 1,000,000",
      clients,
      connections,
      cpuBusy,
      ...r,
    });
    holdsPerSecond.set(clients, r.ok / r.seconds);
  }
  // 1b. (BENCH_UNSAFE=1) The same transaction without the advisory locks: what the client stack and the
  // server can do at all on this machine, i.e. what the locking costs.
  for (const clients of UNSAFE ? CLIENT_COUNTS : []) {
    const connections = Math.min(clients, CONNECTIONS);
    const f = await createInventoryFixture(setup, { tiers: [{ name: "GA", capacity: 1_000_000 }] });
    const cpu0 = await machineCpu();
    const r = await runWorkers(url, f, clients, connections, SECONDS, true);
    const cpu1 = await machineCpu();
    const cpuBusy = (cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total);
    rows.push({
      name: "CONTROL: the same without locks (unsafeSkipLocks)",
      clients,
      connections,
      cpuBusy,
      ...r,
    });
  }

  // 2. Sell-out: capacity runs out under the largest client count; exactly SELLOUT seats must be held.
  const selloutClients = Math.max(...CLIENT_COUNTS);
  for (const unsafe of UNSAFE ? [false, true] : [false]) {
    const connections = Math.min(selloutClients, CONNECTIONS);
    const f = await createInventoryFixture(setup, { tiers: [{ name: "GA", capacity: SELLOUT }] });
    const r = await runWorkers(url, f, selloutClients, connections, 600, unsafe, 0);
    const held = await countLiveHeldSeats(setup, { eventId: f.eventId });
    notes.push(
      `sell-out${unsafe ? " — CONTROL without locks (unsafeSkipLocks)" : ""}: ${SELLOUT} seats, ${selloutClients} ` +
        `clients → ${r.ok} holds, ${held} seats held, oversell ${Math.max(0, held - SELLOUT)}, ` +
        `${r.refused} sold_out, ${r.busy} busy, ${r.errors} errors, ${fmt(r.ok / r.seconds)} holds/s, ` +
        `p99 ${fmt(
          percentile(
            r.latencies.sort((a, b) => a - b),
            99,
          ),
          1,
        )} ms`,
    );
  }
  await setup.$disconnect();

  // 3. The server's ceiling for one hot row: autocommit conditional UPDATE from the same number of clients.
  await info.query("CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)");
  const ceiling = new Map<number, number>();
  for (const clients of CLIENT_COUNTS) {
    const connections = Math.min(clients, CONNECTIONS);
    await info.query("TRUNCATE bench_counter");
    await info.query("INSERT INTO bench_counter VALUES (1, 0)");
    const pool = new pg.Pool({ connectionString: url, max: connections });
    await Promise.all(Array.from({ length: connections }, () => pool.query("SELECT pg_sleep(0.05)")));
    const cpu0 = await machineCpu();
    const measureFrom = Date.now() + WARMUP * 1000;
    const r = await runLoops(
      clients,
      measureFrom + SECONDS * 1000,
      async () => {
        const res = await pool.query(
          "UPDATE bench_counter SET n = n + 1 WHERE id = 1 AND n < $1",
          [1_000_000_000],
        );
        return res.rowCount === 1 ? "ok" : "sold_out";
      },
      measureFrom,
    );
    const cpu1 = await machineCpu();
    const cpuBusy = (cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total);
    rows.push({
      name: "raw `UPDATE counter SET n = n + 1 WHERE id = 1 AND n < cap`",
      clients,
      connections,
      cpuBusy,
      ...r,
    });
    ceiling.set(clients, r.ok / r.seconds);
    await pool.end();
  }
  await info.end();

  console.log("");
  console.log(
    "| workload | clients | connections | ok/s | p50 ms | p99 ms | max ms | busy | errors | CPU busy |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    console.log(
      `| ${r.name} | ${r.clients} | ${r.connections} | ${fmt(r.ok / r.seconds)} | ${fmt(percentile(sorted, 50), 1)} | ` +
        `${fmt(percentile(sorted, 99), 1)} | ${fmt(sorted.at(-1) ?? NaN, 1)} | ${r.busy} | ${r.errors} | ` +
        `${fmt(r.cpuBusy * 100)}% |`,
    );
  }
  console.log("");
  for (const clients of CLIENT_COUNTS) {
    const ratio = (holdsPerSecond.get(clients) ?? NaN) / (ceiling.get(clients) ?? NaN);
    console.log(`- ratio at ${clients} clients: holds/s ÷ raw UPDATE/s = ${fmt(ratio, 2)}`);
  }
  for (const note of notes) console.log(`- ${note}`);
}

const database = `stagedoor_bench_${process.pid}_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
let exitCode = 0;
try {
  const url = withDatabase(adminUrl, database);
  await deployMigrations(url);
  await main(url);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
process.exit(exitCode);
