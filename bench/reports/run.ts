// Reports benchmark (issue 14): one event with 100,000 orders (mixed tiers, 5% refunds, ~40% of tickets
// checked in, 10% discounted; lib/exports/testing.ts, SQL generate_series), then, over HTTP against a
// PRODUCTION server with CLIENTS concurrent clients signed in as the event's owner:
//   1. GET /api/tickets/events/:id/summary and …/metrics?interval=day, cached and fresh: p50/p95/p99 (404 → absent);
//   2. baselines in the same run: GET /api/tickets/health, and the raw SQL of the same aggregates (event
//      totals; sales by day in the event's zone) through `pg` with the same concurrency;
//   3. the attendees export (…/export.csv?kind=attendees) read to the end: rows/s, time to first byte, and the
//      server's RSS (its process tree, sampled every 50 ms) before, at peak and after: flat memory;
//   4. the machine's load average before and after.
//
//   # starts its own production server (`npm start`, needs `npm run build`) on a fresh database it drops:
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node --import tsx bench/reports/run.ts
//   # or a server already running on DATABASE_URL (the run's organizer and event are deleted afterwards):
//   BENCH_URL=http://127.0.0.1:3000 BENCH_SERVER_PID=<pid> DATABASE_URL=… node --import tsx bench/reports/run.ts
//
// Summary and metrics are measured cached (the same URL: the routes' 2-second cache answers most) and fresh
// (metrics with a distinct range per request; the report functions called in the bench's process, one client
// and CLIENTS at a time): real dashboards poll every 4 s and compute fresh.
//
// Knobs (env): BENCH_ORDERS (100000), BENCH_CLIENTS (10), BENCH_REQUESTS (300 per endpoint, after 20 warm-up),
// BENCH_EXPORTS (3 attendee exports), BENCH_PORT (3250, own server only), BENCH_KEEP=1 keeps the data.
// BENCH_IN_PROCESS=1 calls the route handlers in this process instead of HTTP (a smoke test of the seeding and
// measuring code without a build; its figures are not the benchmark's).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// `server-only` resolves to nothing outside Next.js; the app's modules are imported after this.
const HOOKS = "../../lib/server/hooks.mjs";
await import(HOOKS);

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 20;
const FRESH_SERIAL = Math.min(REQUESTS, 40);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const KEEP = process.env.BENCH_KEEP === "1";
const IN_PROCESS = process.env.BENCH_IN_PROCESS === "1";
const EXTERNAL_URL = process.env.BENCH_URL;
const EXTERNAL_PID = process.env.BENCH_SERVER_PID ? Number(process.env.BENCH_SERVER_PID) : undefined;

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("DATABASE_URL (a real PostgreSQL server) is required.");
  process.exit(2);
}
const ownServer = !EXTERNAL_URL && !IN_PROCESS;
if (ownServer && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first, or set BENCH_URL to a running server.");
  process.exit(2);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** RSS in MB of a process and all its descendants (Linux /proc): the launcher and the Next.js server. */
function treeRssMb(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

const startedAt = Date.now();
const loadBefore = load();
let dbUrl = adminUrl;
let ownDatabase: string | undefined;
let server: ChildProcess | undefined;
let serverLog = "";
const admin = new pg.Client({ connectionString: adminUrl });
let exitCode = 0;

try {
  if (ownServer) {
    ownDatabase = `stagedoor_bench_reports_${process.pid}_${Date.now().toString(36)}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE ${ownDatabase}`);
    dbUrl = withDatabase(adminUrl, ownDatabase);
  }
  // Before anything reads `env` (parsed once, on first use).
  process.env.DATABASE_URL = dbUrl;
  process.env.LOG_LEVEL ??= "silent";
  const { deployMigrations } = await import("@/lib/db/migrate");
  await deployMigrations(dbUrl);
  const { db } = await import("@/lib/db");
  const { createOrganizerWithOwner, createEvent } = await import("@/lib/testing/factories");
  const { seedBulkOrders } = await import("@/lib/exports/testing");
  const { DEFAULT_ORDER_LIST_STATUSES } = await import("@/lib/refunds/order-list-query");
  const { countCsvRecords } = await import("@/lib/exports/count-csv-records");

  // The data: an organizer whose owner has a session (the bench's cookie), one event, ORDERS orders.
  let t0 = performance.now();
  const slug = `bench-reports-${Date.now().toString(36)}`;
  const { organizer, owner } = await createOrganizerWithOwner(slug);
  const event = await createEvent(organizer.id, {
    slug,
    title: "Reports benchmark",
    startsAt: new Date(Date.now() + 7 * 24 * 3600_000),
    endsAt: new Date(Date.now() + 7 * 24 * 3600_000 + 4 * 3600_000),
    taxes: [
      { name: "GST", rateBps: 500, inclusive: false },
      { name: "PST", rateBps: 700, inclusive: false },
    ],
  });
  const seeded = await seedBulkOrders(event, { orders: ORDERS });
  const seedMs = performance.now() - t0;
  console.log(
    `seeded ${seeded.orders} orders, ${seeded.tickets} tickets, ${seeded.refundedOrders} refunded, ` +
      `${seeded.admitted} check-ins in ${(seedMs / 1000).toFixed(1)} s`,
  );

  // The server: ours (production build, RUN_WORKER=false), an external one, or the handlers in-process.
  const appUrl = EXTERNAL_URL ?? `http://127.0.0.1:${PORT}`;
  if (ownServer) {
    server = spawn("npm", ["run", "--silent", "start"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(PORT),
        APP_URL: appUrl,
        DATABASE_URL: dbUrl,
        RUN_WORKER: "false",
        AUTH_SECRET: "bench-reports-secret-bench-reports-secret",
        STRIPE_TEST_MODE: "true",
        STRIPE_SECRET_KEY: "",
        DATA_DIR: ".data/bench-reports",
        LOG_LEVEL: "warn",
      },
    });
    const keep = (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000));
    server.stdout?.on("data", keep);
    server.stderr?.on("data", keep);
  }
  const serverPid = ownServer ? server?.pid : IN_PROCESS ? process.pid : EXTERNAL_PID;
  const cookie = ["authjs.session-token", "__Secure-authjs.session-token"]
    .map((name) => `${name}=${owner.cookie.split("=")[1]}`)
    .join("; ");

  type Send = (pathname: string) => Promise<Response>;
  let send: Send;
  if (IN_PROCESS) {
    const handlers = new Map<
      string,
      (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>
    >();
    const load = async (key: string, importRoute: () => Promise<{ GET: unknown }>) => {
      const route = await importRoute().catch(() => null);
      if (route) handlers.set(key, route.GET as never);
    };
    await load("health", () => import("@/app/api/tickets/health/route"));
    await load("export.csv", () => import("@/app/api/tickets/events/[id]/export.csv/route"));
    // Another helper's routes: absent in a tree without them (then 404, as over HTTP).
    const optional = (name: string) => `@/app/api/tickets/events/[id]/${name}/route`;
    await load("summary", () => import(/* @vite-ignore */ optional("summary")));
    await load("metrics", () => import(/* @vite-ignore */ optional("metrics")));
    send = async (pathname) => {
      const url = new URL(pathname, "http://localhost:3000");
      const key = url.pathname.endsWith("/health") ? "health" : (url.pathname.split("/").at(-1) ?? "");
      const handler = handlers.get(key);
      if (!handler) return new Response(null, { status: 404 });
      return handler(new Request(url, { headers: { cookie } }), {
        params: Promise.resolve({ id: event.id }),
      });
    };
  } else {
    send = (pathname) => fetch(`${appUrl}${pathname}`, { headers: { cookie } });
  }
  if (ownServer) {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server?.exitCode !== null) throw new Error(`the server exited: ${serverLog}`);
      if (
        await send("/api/tickets/health").then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error(`the server did not become healthy: ${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  // 1–2. Endpoints and their baselines, CLIENTS at a time.
  interface Timing {
    name: string;
    status: string;
    n: number;
    perSecond: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
  }
  const timings: Timing[] = [];
  async function measure(
    name: string,
    once: () => Promise<number | "absent">,
    { clients = CLIENTS, requests = REQUESTS, warmup = WARMUP } = {},
  ): Promise<void> {
    for (let i = 0; i < warmup; i++) {
      if ((await once()) === "absent") {
        timings.push({
          name,
          status: "absent (404)",
          n: 0,
          perSecond: NaN,
          p50: NaN,
          p95: NaN,
          p99: NaN,
          max: NaN,
        });
        return;
      }
    }
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < requests) {
          const t = performance.now();
          const status = await once();
          latencies.push(performance.now() - t);
          if (typeof status === "number") statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    timings.push({
      name,
      status: [...statuses].map(([s, n]) => `${n}× ${s}`).join(", ") || "ok",
      n: latencies.length,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
    });
  }
  const http = (pathname: string) => async () => {
    const response = await send(pathname);
    await response.arrayBuffer();
    return response.status === 404 ? ("absent" as const) : response.status;
  };
  const base = `/api/tickets/events/${encodeURIComponent(event.id)}`;
  // The routes answer from a 2-second cache (lib/reports/cached-report.ts): the same URL repeated is mostly
  // hits. Measured as such, then fresh: metrics with a distinct `to` per request (its own cache key), and the
  // report functions themselves, called in this process on the same database (no cache in front of them).
  await measure("cached: GET …/summary (same URL)", http(`${base}/summary`));
  await measure("cached: GET …/metrics?interval=day (same URL)", http(`${base}/metrics?interval=day`));
  const rangeFrom = new Date(Date.now() - (ORDERS * 25 + 86_400) * 1000).toISOString();
  let distinct = 0;
  await measure("fresh: GET …/metrics?interval=day&from&to (distinct to)", () => {
    const to = new Date(Date.now() + 3_600_000 + (distinct += 1) * 1000).toISOString();
    const query = new URLSearchParams({ interval: "day", from: rangeFrom, to });
    return http(`${base}/metrics?${query}`)();
  });
  const { getEventSummary } = await import("@/lib/reports/get-event-summary");
  const { getEventMetrics } = await import("@/lib/reports/get-event-metrics");
  const { getOrganizerDashboard } = await import("@/lib/reports/get-organizer-dashboard");
  const fresh = {
    getEventSummary: () => getEventSummary(organizer.id, event.id),
    "getEventMetrics(day)": () => getEventMetrics(organizer.id, event.id, { interval: "day" }),
    getOrganizerDashboard: () => getOrganizerDashboard(organizer.id),
  };
  for (const [name, run] of Object.entries(fresh)) {
    const once = () => run().then(() => 200);
    await measure(`fresh: ${name}, 1 client`, once, { clients: 1, requests: FRESH_SERIAL, warmup: 3 });
    await measure(`fresh: ${name}`, once);
  }
  await measure("baseline: GET /api/tickets/health", http("/api/tickets/health"));
  const pool = new pg.Pool({ connectionString: dbUrl, max: CLIENTS });
  const sql = (text: string, values: unknown[]) => async () => {
    await pool.query(text, values);
    return 200;
  };
  await measure(
    "baseline: SQL event totals (orders, gross, refunds, fees, tax, tickets by tier)",
    sql(
      `SELECT count(*) AS orders, sum(o.total_minor) AS gross, sum(o.refunded_minor) AS refunded,
              sum(o.application_fee_minor) AS fees, sum(o.tax_minor) AS tax,
              (SELECT json_agg(x) FROM (SELECT t.tier_id, count(*) FILTER (WHERE t.status = 'valid') AS sold
                 FROM tickets_tickets t WHERE t.event_id = $2 AND t.organizer_id = $1 GROUP BY t.tier_id) x) AS tiers
       FROM tickets_orders o
       WHERE o.organizer_id = $1 AND o.event_id = $2 AND o.status IN ('paid', 'partially_refunded', 'refunded')`,
      [organizer.id, event.id],
    ),
  );
  await measure(
    "baseline: SQL sales by day in the event's zone",
    sql(
      `SELECT date_trunc('day', o.created_at AT TIME ZONE $3) AS day, count(*) AS orders,
              sum(o.total_minor) AS revenue, sum(o.refunded_minor) AS refunds, sum(o.tax_minor) AS tax
       FROM tickets_orders o
       WHERE o.organizer_id = $1 AND o.event_id = $2 AND o.status IN ('paid', 'partially_refunded', 'refunded')
       GROUP BY 1 ORDER BY 1`,
      [organizer.id, event.id, event.timezone],
    ),
  );
  await pool.end();

  // 3. The attendees export, read to the end, with the server's RSS sampled meanwhile.
  interface ExportRun {
    rows: number;
    bytes: number;
    firstByteMs: number;
    seconds: number;
    rssBefore: number;
    rssPeak: number;
    rssAfter: number;
  }
  const exportRuns: ExportRun[] = [];
  const rss = () => (serverPid ? treeRssMb(serverPid) : NaN);
  for (let i = 0; i < EXPORTS; i++) {
    const rssBefore = rss();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 50);
    const began = performance.now();
    const response = await send(`${base}/export.csv?kind=attendees`);
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
    let firstByteMs = NaN;
    let bytes = 0;
    // The chunks split the file anywhere, a record's CRLF included (the server gzips; lib/exports/count-csv-records.ts).
    const records = countCsvRecords();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - began;
      bytes += chunk.byteLength;
      records.push(chunk);
    }
    const seconds = (performance.now() - began) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rss());
    exportRuns.push({
      rows: records.records - 1,
      bytes,
      firstByteMs,
      seconds,
      rssBefore,
      rssPeak,
      rssAfter: rss(),
    });
  }
  // One row per ticket of a completed order (the export's statuses: lib/exports/read-export-page.ts).
  const expectedRows = await db.ticket.count({
    where: { eventId: event.id, order: { status: { in: [...DEFAULT_ORDER_LIST_STATUSES] } } },
  });
  if (exportRuns.some((r) => r.rows !== expectedRows)) {
    console.error(`an export did not have ${expectedRows} rows: ${exportRuns.map((r) => r.rows).join(", ")}`);
    exitCode = 1;
  }

  // Report.
  const mode = IN_PROCESS ? "in-process handlers (smoke test)" : ownServer ? `own server ${appUrl}` : appUrl;
  console.log(
    `\nmode: ${mode}; clients ${CLIENTS}; ${REQUESTS} requests per endpoint after ${WARMUP} warm-up`,
  );
  console.log(
    `event: ${seeded.orders} orders, ${seeded.tickets} tickets; load average before: ${loadBefore}\n`,
  );
  console.log("| what | answers | req/s | p50 ms | p95 ms | p99 ms | max ms |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const t of timings) {
    console.log(
      `| ${t.name} | ${t.status} | ${fmt(t.perSecond, 0)} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${fmt(t.p99)} | ${fmt(t.max)} |`,
    );
  }
  console.log(
    "\n| attendees export | rows | MB | first byte ms | s | rows/s | RSS before MB | peak MB | after MB |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  exportRuns.forEach((r, i) =>
    console.log(
      `| run ${i + 1} | ${r.rows} | ${fmt(r.bytes / 1e6)} | ${fmt(r.firstByteMs)} | ${fmt(r.seconds, 2)} | ` +
        `${fmt(r.rows / r.seconds, 0)} | ${fmt(r.rssBefore, 0)} | ${fmt(r.rssPeak, 0)} | ${fmt(r.rssAfter, 0)} |`,
    ),
  );
  console.log(`\nload average after: ${load()}; total ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  console.log(
    JSON.stringify({
      orders: seeded.orders,
      tickets: seeded.tickets,
      clients: CLIENTS,
      seedSeconds: Number((seedMs / 1000).toFixed(1)),
      timings,
      exports: exportRuns,
      loadBefore,
      loadAfter: load(),
    }),
  );

  if (!ownServer && !KEEP) {
    t0 = performance.now();
    await deleteBenchData(db, organizer.id, owner.userId);
    console.log(`deleted the run's organizer and data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await db.$disconnect();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (ownDatabase) {
    if (KEEP) console.log(`kept database ${ownDatabase}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${ownDatabase} WITH (FORCE)`).catch(() => undefined);
  }
  await admin.end().catch(() => undefined);
}
process.exit(exitCode);

/** Removes everything the run wrote to a shared database (children first: most relations restrict). */
async function deleteBenchData(
  db: (typeof import("@/lib/db"))["db"],
  organizerId: string,
  userId: string,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM tickets_checkins c USING tickets_events e WHERE c.event_id = e.id AND e.organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_refunds WHERE organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_tickets WHERE organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_orders WHERE organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_audit_log WHERE organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_events WHERE organizer_id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_organizers WHERE id = ${organizerId}`;
      await tx.$executeRaw`DELETE FROM tickets_users WHERE id = ${userId}`;
    },
    { timeout: 10 * 60_000 },
  );
}
