// Fails when a server secret reached the browser: greps every file of the built client bundles
// (.next/static) for the value of each secret env var, as set for the build (`.ci/run` sets recognisable
// random values). Run after `next build`: node --import tsx lib/cli/check-bundle-secrets.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Env vars whose values must never be in client code; URLs are checked for their password part. */
export const SECRET_ENV_VARS = [
  "AUTH_SECRET",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_CONNECT_WEBHOOK_SECRET",
  "RESEND_API_KEY",
  "SMTP_URL",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "DATABASE_URL",
] as const;

/** Values shorter than this would match by chance (and no real secret is this short). */
const MIN_LENGTH = 8;

/** The secret part of each set variable: a URL's password, anything else whole. */
export function secretValues(env: Record<string, string | undefined>): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of SECRET_ENV_VARS) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    let value = raw;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      try {
        value = decodeURIComponent(new URL(raw).password);
      } catch {
        value = raw;
      }
    }
    if (value.length >= MIN_LENGTH) values.set(name, value);
  }
  return values;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every (file, variable) where a secret's value appears in the files under `dir`. */
export function findLeaks(dir: string, secrets: Map<string, string>): { file: string; name: string }[] {
  const leaks: { file: string; name: string }[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of secrets) if (text.includes(value)) leaks.push({ file, name });
  }
  return leaks;
}

function main(): void {
  const dir = path.resolve(process.argv[2] ?? ".next/static");
  const secrets = secretValues(process.env);
  const required = (process.env.BUNDLE_SECRETS_REQUIRED ?? "").split(",").filter(Boolean);
  const unset = required.filter((name) => !secrets.has(name));
  if (unset.length > 0) {
    console.error(`check-bundle-secrets: not set (or shorter than ${MIN_LENGTH}): ${unset.join(", ")}`);
    process.exit(2);
  }
  const files = filesUnder(dir);
  const leaks = findLeaks(dir, secrets);
  for (const leak of leaks) console.error(`check-bundle-secrets: ${leak.name} appears in ${leak.file}`);
  console.log(
    `check-bundle-secrets: ${secrets.size} secret values × ${files.length} client files in ${dir}: ${leaks.length} leaks`,
  );
  process.exit(leaks.length === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
