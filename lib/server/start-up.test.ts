// Start-up refuses a production server that would take free "payments": `npm start` (the launcher) and a bare
// `next start` (the instrumentation hook) both stop before touching the database, naming the variable.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NODE = ["--import", "tsx", "--import", "./lib/server/hooks.mjs"];
// Nothing listens there: a process that got as far as the database would fail with a connection error.
const UNREACHABLE_DATABASE = "postgresql://postgres@127.0.0.1:1/nowhere";
const REFUSAL =
  "STRIPE_SECRET_KEY: is required in production: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET), or STRIPE_TEST_MODE=true to run simulated payments";

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [...NODE, ...args],
      {
        cwd: ROOT,
        timeout: 30_000,
        // Only what is given: a developer's Stripe keys must not leak in.
        env: {
          PATH: process.env.PATH ?? "",
          NODE_ENV: "production",
          AUTH_SECRET: "x".repeat(40),
          DATABASE_URL: UNREACHABLE_DATABASE,
          LOG_LEVEL: "silent",
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

describe("production start-up without Stripe keys", () => {
  it("`npm start` exits 1 with the message before it touches the database", async () => {
    const result = await run(["lib/server/launch.ts", "start"], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(REFUSAL);
    expect(result.stdout).not.toContain("migrations");
    expect(result.stderr).not.toMatch(/ECONNREFUSED|schema engine|P1001/i);
  });

  it("`npm start` goes on (to the database) when STRIPE_TEST_MODE=true chose test mode", async () => {
    const result = await run(["lib/server/launch.ts", "start"], { STRIPE_TEST_MODE: "true" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain("STRIPE_SECRET_KEY");
    expect(result.stderr).toMatch(/127\.0\.0\.1:1|ECONNREFUSED|reach/i);
  });

  it("a bare `next start` stops in the instrumentation hook with the same message", async () => {
    const result = await run(
      [
        "--input-type=module",
        "-e",
        `const { register } = await import("./instrumentation.ts"); await register(); console.log("served");`,
      ],
      { NEXT_RUNTIME: "nodejs", RUN_WORKER: "false" },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(REFUSAL);
    expect(result.stdout).not.toContain("served");
  });
});
