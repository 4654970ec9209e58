import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The scanner's start-up under `next dev` (React's development mode runs mount effects twice), with the app
// opened at http://127.0.0.1 as a newcomer may (next dev serves its scripts to allowed hosts only):
//   E2E_PORT=… DATABASE_URL=… npx playwright test -c e2e/playwright.dev.config.ts
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
if (!webServer) throw new Error("playwright.config.ts has no webServer");
const BASE_URL = `http://127.0.0.1:${webServer.env?.PORT}`;

export default defineConfig({
  ...base,
  testMatch: /(checkin-device|dev-server)\.spec\.ts/,
  use: { ...base.use, baseURL: BASE_URL },
  projects: base.projects
    ?.filter((p) => p.name === "phone")
    .map((p) => ({ ...p, testIgnore: undefined, use: { ...p.use, baseURL: BASE_URL } })),
  globalSetup: "./dev-warmup.ts",
  // Pages compile on first request in development.
  timeout: 240_000,
  expect: { timeout: 45_000 },
  webServer: {
    ...webServer,
    command: webServer.command.replace(/npm (start|run demo)$/, "npm run dev"),
    url: `${BASE_URL}/api/tickets/health`,
    env: { ...webServer.env, APP_URL: BASE_URL },
    timeout: 240_000,
  },
});
