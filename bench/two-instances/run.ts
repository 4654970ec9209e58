// Two app instances and one worker on one PostgreSQL database, as behind a load balancer (issue 12 §2.6):
//   DATABASE_URL=postgresql://… node --import tsx --import ./lib/server/hooks.mjs bench/two-instances/run.ts
// Needs a production build (`npm run build`). Starts `npm start` twice (RUN_WORKER=false) and `npm run worker`
// once, in simulated-payments mode, then:
//   1. sell-out: BUYERS buyers (one seat each, each from its own IP) split across both instances race for a
//      tier of CAPACITY seats: exactly CAPACITY are answered 201, the rest 409 sold_out, CAPACITY seats held;
//      every order is then paid through the instances and the worker issues exactly CAPACITY tickets;
//   2. shared rate limit: LIMIT + 10 checkouts from one IP, alternating between the instances, are limited
//      as one (the checkout's per-IP limit is LIMIT a minute): exactly LIMIT pass, the others get 429;
//   3. one Idempotency-Key: REPEATS identical checkouts with the same key, sent at once to both instances,
//      make one order, and every answer is that order's 201.
// Prints one JSON line with the figures; exits 1 on any mismatch. Ports: TWO_INSTANCE_PORTS (3240,3241).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { deployMigrations } from "@/lib/db/migrate";
import { createOnSaleEvent, createOrganizerWithOwner, createTier } from "@/lib/testing/factories";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const CAPACITY = Number(process.env.TWO_INSTANCE_CAPACITY ?? 20);
const BUYERS = Number(process.env.TWO_INSTANCE_BUYERS ?? 80);
const CONCURRENCY = 40;
const CHECKOUT_LIMIT_PER_MINUTE = 30;
const REPEATS = 10;
const [PORT_A, PORT_B] = (process.env.TWO_INSTANCE_PORTS ?? "3240,3241").split(",").map(Number) as [
  number,
  number,
];
const APP_URL = `http://localhost:${PORT_A}`;
const ORIGIN = new URL(APP_URL).origin;

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is required (a PostgreSQL database the run may fill)");
  process.exit(2);
}
if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}

const children: ChildProcess[] = [];
const logs = new Map<ChildProcess, string>();

function start(name: string, script: string, port?: number): ChildProcess {
  const child = spawn("npm", ["run", "--silent", script], {
    cwd: ROOT,
    detached: true, // its own process group: the launcher's Next.js child goes down with it
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      ...(port ? { PORT: String(port) } : {}),
      APP_URL,
      RUN_WORKER: "false",
      AUTH_SECRET: "two-instances-secret-two-instances-secret",
      STRIPE_TEST_MODE: "true",
      STRIPE_SECRET_KEY: "",
      DEV_MAILBOX: "true",
      // As behind one load balancer: the client IP is the entry it appends to X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
      DATA_DIR: ".data/two-instances",
      LOG_LEVEL: "warn",
    },
  });
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-4000);
    logs.set(child, `[${name}] ${out}`);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  children.push(child);
  return child;
}

function stopAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

async function waitForLog(child: ChildProcess, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!pattern.test(logs.get(child) ?? "")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no ${String(pattern)} from the first instance: ${logs.get(child) ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitHealthy(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${logs.get(child) ?? ""}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/tickets/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`instance on ${port} did not become healthy: ${logs.get(child) ?? ""}`);
}

function post(
  port: number,
  pathname: string,
  body: unknown,
  ip: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip, ...headers },
    body: JSON.stringify(body),
  });
}

async function inBatches<T>(count: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await run(i);
      }
    }),
  );
  return results;
}

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

try {
  const started = Date.now();
  // Schema and this run's event first: the database then has data, so no instance seeds the demo and all
  // three processes can start at once.
  await deployMigrations(process.env.DATABASE_URL);
  const { organizer } = await createOrganizerWithOwner(undefined, { chargesEnabled: true });
  const event = await createOnSaleEvent(organizer.id);
  const tier = await createTier(event.id, { capacity: CAPACITY, maxPerOrder: 1 });
  const tryLimit = await createTier(event.id, { name: "Limit check", capacity: 1000 });
  // Each launcher checks migrations under Prisma's advisory lock (10 s timeout): let the first finish that
  // before the second starts, as a rolling start would.
  const a = start("app-a", "start", PORT_A);
  start("worker", "worker");
  await waitForLog(a, /database schema is up to date|applied migrations/);
  const b = start("app-b", "start", PORT_B);
  await Promise.all([waitHealthy(PORT_A, a), waitHealthy(PORT_B, b)]);
  const startUpMs = Date.now() - started;
  // Warm both up (the first request to a route loads its code): a checkout with an empty body, refused.
  for (const port of [PORT_A, PORT_B]) {
    for (let i = 0; i < 3; i++)
      await (await post(port, "/api/tickets/checkout/session", {}, "10.99.0.1")).text();
  }

  // 1. Sell-out across both instances.
  const sellOutStarted = Date.now();
  const answers = await inBatches(BUYERS, async (i) => {
    const response = await post(
      i % 2 === 0 ? PORT_A : PORT_B,
      "/api/tickets/checkout/session",
      {
        eventId: event.id,
        items: [{ tierId: tier.id, quantity: 1 }],
        buyer: { email: `buyer${i}@example.test`, name: `Buyer ${i}` },
      },
      `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    );
    const body = (await response.json()) as { orderId?: string; url?: string; code?: string };
    return { status: response.status, body, port: i % 2 === 0 ? PORT_A : PORT_B };
  });
  const sellOutMs = Date.now() - sellOutStarted;
  const created = answers.filter((r) => r.status === 201);
  const soldOut = answers.filter((r) => r.status === 409 && r.body.code === "sold_out");
  const createdPerInstance = [PORT_A, PORT_B].map((p) => created.filter((r) => r.port === p).length);
  const held = await db.hold.aggregate({
    _sum: { quantity: true },
    where: { tierId: tier.id, releasedAt: null },
  });
  check(created.length === CAPACITY, `201 answers: ${created.length}, capacity ${CAPACITY}`);
  check(soldOut.length === BUYERS - CAPACITY, `sold_out answers: ${soldOut.length}`);
  check(held._sum.quantity === CAPACITY, `seats held: ${held._sum.quantity ?? 0}`);
  check(
    createdPerInstance.every((n) => n > 0),
    `sales per instance: ${createdPerInstance.join(", ")}`,
  );

  // Pay every order through the instances; the separate worker turns the payments into tickets.
  const paid = await inBatches(created.length, async (i) => {
    const { body, port } = created[i] ?? { body: {}, port: PORT_A };
    const token = new URL(body.url ?? "http://x/").searchParams.get("token") ?? "";
    const response = await post(
      port,
      `/api/tickets/dev/pay/${body.orderId ?? ""}`,
      { token, outcome: "pay" },
      "10.30.0.1",
    );
    return response.status;
  });
  check(
    paid.every((s) => s === 200),
    `payments answered ${[...new Set(paid)].join(", ")}`,
  );
  const ticketsDeadline = Date.now() + 60_000;
  let tickets = 0;
  while (Date.now() < ticketsDeadline) {
    tickets = await db.ticket.count({ where: { tierId: tier.id } });
    if (tickets >= CAPACITY) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  tickets = await db.ticket.count({ where: { tierId: tier.id } });
  const paidOrders = await db.order.count({ where: { eventId: event.id, status: "paid" } });
  check(tickets === CAPACITY, `tickets issued by the worker: ${tickets}`);
  check(paidOrders === CAPACITY, `paid orders: ${paidOrders}`);

  // 2. One per-IP limit across both instances.
  const tries = CHECKOUT_LIMIT_PER_MINUTE + 10;
  const limited: number[] = [];
  for (let i = 0; i < tries; i++) {
    const response = await post(
      i % 2 === 0 ? PORT_A : PORT_B,
      "/api/tickets/checkout/session",
      {
        eventId: event.id,
        items: [{ tierId: tryLimit.id, quantity: 0 }],
        buyer: { email: "limit@example.test", name: "Limit" },
      },
      "192.0.2.77",
    );
    await response.arrayBuffer();
    limited.push(response.status);
  }
  const refused = limited.filter((s) => s === 429).length;
  check(refused === tries - CHECKOUT_LIMIT_PER_MINUTE, `429 answers: ${refused} of ${tries}`);
  check(
    limited.slice(0, CHECKOUT_LIMIT_PER_MINUTE).every((s) => s === 422),
    `first ${CHECKOUT_LIMIT_PER_MINUTE} answered ${[...new Set(limited.slice(0, CHECKOUT_LIMIT_PER_MINUTE))].join(", ")}`,
  );

  // 3. One Idempotency-Key, both instances at once: the database lets one request run. A repeat that outwaits
  // the first (409 "still being processed", on a loaded machine) is sent again after Retry-After, as a client
  // would.
  const repeats = await Promise.all(
    Array.from({ length: REPEATS }, async (_, i) => {
      let response: Response;
      for (let attempt = 0; ; attempt++) {
        response = await post(
          i % 2 === 0 ? PORT_A : PORT_B,
          "/api/tickets/checkout/session",
          {
            eventId: event.id,
            items: [{ tierId: tryLimit.id, quantity: 1 }],
            buyer: { email: "repeat@example.test", name: "Repeat" },
          },
          "198.51.100.9",
          { "idempotency-key": "two-instances-repeat" },
        );
        if (response.status !== 409 || !response.headers.has("retry-after") || attempt === 5) break;
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const body = (await response.json()) as { orderId?: string };
      return {
        status: response.status,
        orderId: body.orderId,
        replayed: response.headers.has("idempotent-replayed"),
      };
    }),
  );
  const repeatOrders = await db.order.count({
    where: { eventId: event.id, buyerEmail: "repeat@example.test" },
  });
  check(repeatOrders === 1, `orders from ${REPEATS} repeats of one Idempotency-Key: ${repeatOrders}`);
  check(
    repeats.every((r) => r.status === 201 && r.orderId !== undefined && r.orderId === repeats[0]?.orderId),
    `repeats answered ${repeats.map((r) => `${r.status} ${r.orderId ?? "-"}`).join(", ")}`,
  );
  check(
    repeats.filter((r) => r.replayed).length === REPEATS - 1,
    `replayed answers: ${repeats.filter((r) => r.replayed).length} of ${REPEATS}`,
  );

  console.log(
    JSON.stringify({
      instances: [PORT_A, PORT_B],
      capacity: CAPACITY,
      buyers: BUYERS,
      sold: created.length,
      soldPerInstance: createdPerInstance,
      soldOut: soldOut.length,
      heldSeats: held._sum.quantity ?? 0,
      ticketsIssued: tickets,
      startUpMs,
      sellOutMs,
      rateLimit: { tries, passed: tries - refused, limited: refused },
      idempotencyKey: { repeats: REPEATS, orders: repeatOrders },
      totalMs: Date.now() - started,
      failures,
    }),
  );
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
  console.error(error);
} finally {
  stopAll();
  await db.$disconnect();
}
if (failures.length > 0) {
  console.error(`two-instance check failed:\n  ${failures.join("\n  ")}`);
  for (const log of logs.values()) console.error(log);
}
process.exit(failures.length > 0 ? 1 : 0);
