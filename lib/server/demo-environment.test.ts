import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { demoEnvironment } from "@/lib/server/demo-environment";

describe("the demo's environment", () => {
  it("is a valid production environment in test mode with the mailbox on, even with Stripe keys in the shell", () => {
    const root = mkdtempSync(path.join(tmpdir(), "stagedoor-demo-"));
    const shell = { STRIPE_SECRET_KEY: "sk_test_123", PATH: "/usr/bin" };
    const env = parseEnv({ ...shell, ...demoEnvironment(root, shell) });
    expect(env).toMatchObject({
      NODE_ENV: "production",
      STRIPE_TEST_MODE: true,
      STRIPE_SECRET_KEY: undefined,
      DEV_MAILBOX: true,
      DATA_DIR: ".data/demo",
    });
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("makes its AUTH_SECRET once and keeps it in the data folder, so a restart can unseal the signing keys", () => {
    const root = mkdtempSync(path.join(tmpdir(), "stagedoor-demo-"));
    const first = demoEnvironment(root, {}).AUTH_SECRET;
    expect(readFileSync(path.join(root, ".data/demo/auth-secret"), "utf8")).toBe(first);
    expect(demoEnvironment(root, {}).AUTH_SECRET).toBe(first);
    expect(demoEnvironment(mkdtempSync(path.join(tmpdir(), "stagedoor-demo-")), {}).AUTH_SECRET).not.toBe(
      first,
    );
    expect(demoEnvironment(root, { AUTH_SECRET: "given-".repeat(8) }).AUTH_SECRET).toBe("given-".repeat(8));
  });
});
