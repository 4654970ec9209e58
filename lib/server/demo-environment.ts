// `npm run demo`: the production build in test mode, on its own embedded database, with the development
// mailbox on, so one command shows the whole product (the scanner's service worker only exists in a
// production build) without Stripe keys, a database server or a mail server.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DEMO_DATA_DIR = ".data/demo";

/**
 * The variables the launcher sets for the demo. Payments are always simulated (any Stripe key in the shell
 * is dropped: test mode refuses one). AUTH_SECRET, when not given, is made once and kept in the demo's data
 * folder: it seals the events' signing keys, so it must outlive a restart.
 */
export function demoEnvironment(
  root: string,
  source: Record<string, string | undefined>,
): Record<string, string> {
  const dataDir = source.DATA_DIR?.trim() || DEMO_DATA_DIR;
  return {
    NODE_ENV: "production",
    STRIPE_TEST_MODE: "true",
    STRIPE_SECRET_KEY: "",
    STRIPE_WEBHOOK_SECRET: "",
    STRIPE_CONNECT_WEBHOOK_SECRET: "",
    DEV_MAILBOX: "true",
    DATA_DIR: dataDir,
    AUTH_SECRET: source.AUTH_SECRET?.trim() || keptSecret(path.resolve(root, dataDir, "auth-secret")),
  };
}

function keptSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
