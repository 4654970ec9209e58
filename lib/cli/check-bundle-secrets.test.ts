import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findLeaks, secretValues } from "@/lib/cli/check-bundle-secrets";

describe("check-bundle-secrets", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("takes each secret whole, a URL's password only, and skips unset or too-short values", () => {
    const values = secretValues({
      AUTH_SECRET: "auth-secret-0123456789",
      SMTP_URL: "smtp://mailer:p%40ssw0rd-smtp@mail.example:587",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/db",
      STRIPE_SECRET_KEY: "sk_x",
      RESEND_API_KEY: "",
      NEXT_PUBLIC_ANYTHING: "not-a-secret-value",
    });
    expect([...values]).toEqual([
      ["AUTH_SECRET", "auth-secret-0123456789"],
      ["SMTP_URL", "p@ssw0rd-smtp"],
    ]);
  });

  it("finds a secret in any file under the bundle folder, and nothing in clean files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bundle-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "chunks", "app"), { recursive: true });
    writeFileSync(path.join(dir, "chunks", "app", "page.js"), 'const a="whsec_leaked-value-123";');
    writeFileSync(path.join(dir, "chunks", "main.js"), "console.log(1)");
    const secrets = secretValues({
      STRIPE_WEBHOOK_SECRET: "whsec_leaked-value-123",
      AUTH_SECRET: "never-in-the-bundle-456",
    });
    expect(findLeaks(dir, secrets)).toEqual([
      { file: path.join(dir, "chunks", "app", "page.js"), name: "STRIPE_WEBHOOK_SECRET" },
    ]);
    expect(findLeaks(dir, secretValues({ AUTH_SECRET: "never-in-the-bundle-456" }))).toEqual([]);
  });
});
