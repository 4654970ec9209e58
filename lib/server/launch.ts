// Starts Stagedoor: validates the environment, provides the database (the server in DATABASE_URL, or the
// embedded PGlite in DATA_DIR), applies migrations, seeds demo data into an empty database, then runs
// Next.js. Usage: launch.ts dev | start | demo | migrate | seed
// `demo` is `start` in test mode on its own embedded database, building first when the build is out of date.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadEnv } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { deployMigrations } from "@/lib/db/migrate";
import { demoEnvironment } from "@/lib/server/demo-environment";
import { loadEnvOrExit } from "@/lib/server/load-env-or-exit";
import { whyBuildIsNeeded } from "@/lib/server/production-build";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DETACHED_POLYFILL = path.join(ROOT, "lib", "server", "array-buffer-detached.mjs");
const mode = process.argv[2] ?? "dev";
if (!["dev", "start", "demo", "migrate", "seed"].includes(mode)) {
  console.error(`Unknown mode "${mode}". Use dev, start, demo, migrate or seed.`);
  process.exit(2);
}
if (mode === "start") (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
if (mode === "demo") Object.assign(process.env, demoEnvironment(ROOT, process.env));

function say(message: string): void {
  console.log(`[stagedoor] ${message}`);
}

if (mode === "demo") {
  const reason = whyBuildIsNeeded(ROOT);
  if (reason) {
    say(`building the app (${reason}); this takes a few minutes`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const build = spawnSync(npm, ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

// Before the database is touched: a production server without Stripe keys or STRIPE_TEST_MODE=true stops here.
let env = loadEnvOrExit();

let embedded: EmbeddedPostgres | undefined;
if (!env.DATABASE_URL) {
  const dataDir = path.resolve(ROOT, env.DATA_DIR, "pglite");
  say(`no DATABASE_URL: using the embedded database in ${path.relative(ROOT, dataDir)}`);
  embedded = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = embedded.url;
  // One Postgres session serves every socket connection: keep each process to one connection so the
  // extended-protocol messages of two queries can never interleave.
  process.env.DATABASE_POOL_SIZE = "1";
  env = loadEnv();
}
const databaseUrl = process.env.DATABASE_URL as string;

const { applied } = await deployMigrations(databaseUrl);
say(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

// The seed imports the app's domain code; load it after the database URL is known.
const { DEMO_DISCOUNT_CODE, DEMO_EVENT_SLUG, DEMO_OWNER_EMAIL, seedDemo } = await import("@/lib/db/seed");
if (mode === "seed") {
  const result = await seedDemo({ reset: true });
  say(`demo data reset: /tickets/e/${result.eventSlug}`);
  if (result.samplePassesPath) say(`a demo buyer's passes: ${result.samplePassesPath}`);
} else if (mode !== "migrate") {
  const result = await seedDemo({ reset: false });
  say(result.seeded ? `seeded demo data: /tickets/e/${result.eventSlug}` : "database has data: not seeding");
  if (result.samplePassesPath) say(`a demo buyer's passes: ${result.samplePassesPath}`);
}

async function shutdown(code: number): Promise<never> {
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}

if (mode === "migrate" || mode === "seed") await shutdown(0);

if (mode !== "dev" && !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or use `npm run dev`).");
  await shutdown(1);
}

const port = process.env.PORT ?? "3000";
const nextCommand = mode === "dev" ? "dev" : "start";
const child = spawn(
  process.execPath,
  [path.join(ROOT, "node_modules/next/dist/bin/next"), nextCommand, "-p", port],
  {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // Node 20 lacks ArrayBuffer.prototype.detached, which React's development renderer warns about.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(DETACHED_POLYFILL).href}`]
        .filter(Boolean)
        .join(" "),
    },
  },
);
const base = `http://localhost:${port}`;
say(`Next.js ${nextCommand} on ${base}`);
if (mode === "demo") {
  say(
    `demo event: ${base}/tickets/e/${DEMO_EVENT_SLUG} (discount code ${DEMO_DISCOUNT_CODE}; payments are simulated)`,
  );
  say(`organizer portal: ${base}/tickets/organizer, sign in as ${DEMO_OWNER_EMAIL}`);
  say(`sign-in links and every other email: ${base}/tickets/dev/mailbox`);
  say(
    `door scanner: in the portal, the event's "Check-in and scanners" page makes a scanner link: open it on a phone`,
  );
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => void shutdown(code ?? 0));
