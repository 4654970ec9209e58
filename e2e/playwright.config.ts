import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Journeys run against what README command 1 serves, `npm run demo`: the production build (`npm run build`
// first, or the demo builds it) in test mode (payments simulated, every page says so, the dev mailbox where
// the journeys read sign-in links is on), on the server in DATABASE_URL when given (CI), otherwise on a fresh
// embedded database in .data/e2e.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
const ROOT = path.resolve(import.meta.dirname, "..");
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const launchOptions = {
  executablePath: chromium,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: ".",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: path.join(ROOT, "test-results"),
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // Buyer and door journeys on a phone; organizer journeys on a desktop; the portal journey and the event
    // page on both.
    // dev-server.spec.ts is for `next dev` only (playwright.dev.config.ts): in production a write from a host
    // other than APP_URL's is refused as cross-site, as it should be.
    {
      name: "phone",
      testIgnore: /(organizer.*|dev-server)\.spec\.ts/,
      use: { ...devices["Pixel 7"], launchOptions },
    },
    {
      name: "desktop",
      testMatch: /(organizer.*|portal|event-page)\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
  webServer: {
    command: process.env.DATABASE_URL
      ? "npm run demo"
      : `node -e "require('fs').rmSync('.data/e2e',{recursive:true,force:true})" && npm run demo`,
    cwd: ROOT,
    url: `${BASE_URL}/api/tickets/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      APP_URL: BASE_URL,
      DATA_DIR: ".data/e2e",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      STRIPE_TEST_MODE: "true",
      STRIPE_SECRET_KEY: "", // a key in the developer's shell would conflict with STRIPE_TEST_MODE
      DEV_MAILBOX: "true",
      ADMIN_EMAILS: "admin@stagedoor.test",
      LOG_LEVEL: "warn",
    },
  },
});
