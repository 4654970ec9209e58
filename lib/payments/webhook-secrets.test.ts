// The test-mode webhook secret: made per installation, stored, the same for every caller and process.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient, db, type Db } from "@/lib/db";
import { restoreEnv } from "@/lib/email/testing/stub-env";
import { stubStripeEnv, stubStripeKeys } from "@/lib/payments/testing/stub-stripe-env";
import {
  getTestModeWebhookSecret,
  getWebhookSecret,
  signTestModeWebhook,
} from "@/lib/payments/webhook-secrets";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SETTING = "stripe_test_mode_webhook_secret";
const EMBEDDED = onEmbeddedDatabase();

describe("test-mode webhook secret", () => {
  beforeEach(async () => {
    await resetDatabase();
    stubStripeEnv();
  });
  afterEach(restoreEnv);

  it("is made on first use with crypto randomness, stored, and the same on every later call", async () => {
    expect(await db.platformSetting.count({ where: { key: SETTING } })).toBe(0);
    const secret = await getTestModeWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = await db.platformSetting.findUniqueOrThrow({ where: { key: SETTING } });
    expect(row.value).toEqual({ secret });
    expect(await getTestModeWebhookSecret()).toBe(secret);
    expect(await getWebhookSecret("platform")).toBe(secret);
    expect(await getWebhookSecret("connect")).toBe(secret);
  });

  it("differs per installation: an empty database gets a new one", async () => {
    const first = await getTestModeWebhookSecret();
    await resetDatabase();
    const second = await getTestModeWebhookSecret();
    expect(second).not.toBe(first);
    expect(await getTestModeWebhookSecret()).toBe(second);
  });

  it("is not used, nor can events be signed, once Stripe keys are configured", async () => {
    stubStripeKeys("http://127.0.0.1:1", { STRIPE_WEBHOOK_SECRET: "whsec_from_the_dashboard" });
    expect(await getWebhookSecret("platform")).toBe("whsec_from_the_dashboard");
    await expect(signTestModeWebhook("{}", "platform")).rejects.toThrow(/only be signed when Stripe keys/);
    expect(await db.platformSetting.count({ where: { key: SETTING } })).toBe(0);
  });

  describe.skipIf(EMBEDDED)("across processes (needs a real PostgreSQL server)", () => {
    const clients: ReturnType<typeof createPrismaClient>[] = [];
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.$disconnect()));
    });

    it("is the same secret in another process on the same database", async () => {
      const secret = await getTestModeWebhookSecret();
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          "--import",
          "tsx",
          "--import",
          "./lib/server/hooks.mjs",
          "--input-type=module",
          "-e",
          `const { getTestModeWebhookSecret } = await import("./lib/payments/webhook-secrets.ts");
           const { db } = await import("./lib/db/index.ts");
           const secret = await getTestModeWebhookSecret();
           await db.$disconnect();
           process.stdout.write(secret === process.env.EXPECTED ? "same" : "different");`,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: inject("databaseUrl"), NODE_ENV: "test", EXPECTED: secret },
        },
      );
      expect(stdout).toBe("same");
    });

    it("comes out the same for instances that ask at once on a fresh installation (control: read-then-write does not)", async () => {
      for (let i = 0; i < 8; i++) clients.push(createPrismaClient(inject("databaseUrl"), 1));
      for (let round = 0; round < 3; round++) {
        await resetDatabase();
        const secrets = await Promise.all(clients.map((client) => getTestModeWebhookSecret(client)));
        expect(new Set(secrets).size).toBe(1);
        expect(await getTestModeWebhookSecret()).toBe(secrets[0]);
      }

      // The control: each instance reads, finds nothing, writes its own and keeps it.
      await resetDatabase();
      const naive = async (client: Db) => {
        const existing = await client.platformSetting.findUnique({ where: { key: SETTING } });
        if (existing) return (existing.value as { secret: string }).secret;
        const secret = `whsec_${randomBytes(32).toString("base64url")}`;
        await client.platformSetting.upsert({
          where: { key: SETTING },
          create: { key: SETTING, value: { secret } },
          update: { value: { secret } },
        });
        return secret;
      };
      const naiveSecrets = await Promise.all(clients.map(naive));
      expect(new Set(naiveSecrets).size).toBeGreaterThan(1);
    });
  });
});
