// Where the time of one single-order transaction goes (takeHolds inside the caller's transaction, without
// the group commit of reserveSeats): per-step wall times of the buyer's transaction, client (Node) and server (backend) CPU per hold, machine CPU use, and the locked
// check's planning vs execution time. Creates and drops its own database.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     node --import tsx --import ./lib/server/hooks.mjs bench/flash-sale/profile.ts [clients] [seconds] [variant]
//
// variant "block" (default): takeHolds, holds and locks in one server-side block, then the check.
// "statements": lock, check and write as three client statements (lockInventory, checkInventory, an
// INSERT), for comparison.
import { readFile } from "node:fs/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { deployMigrations } from "@/lib/db/migrate";
import { availabilitySql, checkInventory, newId } from "@/lib/inventory/check-inventory";
import { intervalMs, RESERVED_AT } from "@/lib/inventory/hold-clock";
import { lockInventory } from "@/lib/inventory/lock-inventory";
import { takeHolds } from "@/lib/inventory/take-holds";
import { createInventoryFixture, createTestOrder } from "@/lib/inventory/testing/fixtures";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error("DATABASE_URL is required");
const clients = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 5);
const variant = process.argv[4] ?? "block";
const database = `stagedoor_profile_${process.pid}`;
const PAY_WITHIN_MS = 30 * 60_000;

/** Machine-wide CPU jiffies from /proc/stat (busy = everything but idle and iowait). */
async function machineCpu(): Promise<{ busy: number; total: number }> {
  const line = (await readFile("/proc/stat", "utf8")).split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
}

/** CPU time (user + system, ms) of the server backends connected to the profile database (Linux /proc). */
async function backendCpuMs(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  await c.end();
  let total = 0;
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10; // USER_HZ = 100
  }
  return total;
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const u = new URL(adminUrl);
u.pathname = `/${database}`;
const url = u.toString();
try {
  await deployMigrations(url);
  const client = createPrismaClient(url, Math.min(clients, 60));
  const f = await createInventoryFixture(client, { tiers: [{ name: "GA", capacity: 1_000_000 }] });
  const tierId = f.tierIds[0] as string;
  const lines = [{ tierId, quantity: 1 }];
  // takeHolds = lock wait + the locked check (+ write); the commit is inside the locked section too
  // (advisory xact locks are released at commit).
  const steps = { begin: 0, order: 0, takeHolds: 0, commit: 0, total: 0 };
  let n = 0;
  const deadline = Date.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const backend0 = await backendCpuMs(url);
  const machine0 = await machineCpu();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        await client.$transaction(
          async (tx) => {
            t1 = performance.now();
            const order = await createTestOrder(tx, f);
            t2 = performance.now();
            if (variant === "block") {
              await takeHolds(tx, {
                eventId: f.eventId,
                orderId: order.id,
                lines,
                payWithinMs: PAY_WITHIN_MS,
              });
            } else {
              const lock = await lockInventory(tx, { eventId: f.eventId, tierIds: [tierId] });
              const refusal = await checkInventory(tx, {
                eventId: f.eventId,
                orderId: order.id,
                lines,
                discountId: null,
                eventExclusive: lock.eventExclusive,
              });
              if (refusal) throw new Error(refusal.kind);
              await tx.$executeRaw`
                INSERT INTO tickets_holds (id, event_id, tier_id, order_id, quantity, expires_at)
                VALUES (${newId()}, ${f.eventId}, ${tierId}, ${order.id}, 1,
                        ${RESERVED_AT} + ${intervalMs(PAY_WITHIN_MS)})`;
            }
            t3 = performance.now();
          },
          { maxWait: 60_000, timeout: 60_000 },
        );
        const t4 = performance.now();
        steps.begin += t1 - t0;
        steps.order += t2 - t1;
        steps.takeHolds += t3 - t2;
        steps.commit += t4 - t3;
        steps.total += t4 - t0;
        n += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  loopDelay.disable();
  const machine1 = await machineCpu();
  const backendMs = (await backendCpuMs(url)) - backend0;
  const avgMs = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Number((v / n).toFixed(2))]));
  console.log(
    JSON.stringify({
      variant,
      clients,
      holds: n,
      perSecond: Math.round(n / seconds),
      avgMs,
      nodeCpuMsPerHold: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(2)),
      serverCpuMsPerHold: Number((backendMs / n).toFixed(2)),
      machineBusy: Number(((machine1.busy - machine0.busy) / (machine1.total - machine0.total)).toFixed(2)),
      eventLoopDelayMs: {
        p50: Number((loopDelay.percentile(50) / 1e6).toFixed(2)),
        p99: Number((loopDelay.percentile(99) / 1e6).toFixed(2)),
      },
    }),
  );

  // The locked check on its own, with the holds the run left behind: planning vs execution.
  const sql = availabilitySql({
    eventId: f.eventId,
    tierIds: [tierId],
    discountIds: [],
    orderIds: ["none"],
    eventExclusive: false,
  });
  const explain = new pg.Client({ connectionString: url });
  await explain.connect();
  let plan: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const result = await explain.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, SUMMARY) ${sql.text}`,
      sql.values,
    );
    plan = result.rows.map((r) => r["QUERY PLAN"]);
  }
  console.log(
    `check with ${n} live holds: ${plan.filter((l) => /Planning Time|Execution Time/.test(l)).join("; ")}`,
  );
  await explain.end();
  await client.$disconnect();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
