import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The scanner's start-up under `next dev` (React's development mode runs mount effects twice):
//   E2E_PORT=… DATABASE_URL=… npx playwright test -c e2e/playwright.dev.config.ts
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
if (!webServer) throw new Error("playwright.config.ts has no webServer");

export default defineConfig({
  ...base,
  testMatch: /checkin-device\.spec\.ts/,
  projects: base.projects?.filter((p) => p.name === "phone"),
  globalSetup: "./dev-warmup.ts",
  // Pages compile on first request in development.
  timeout: 240_000,
  expect: { timeout: 45_000 },
  webServer: {
    ...webServer,
    command: webServer.command.replace(/npm start$/, "npm run dev"),
    timeout: 240_000,
  },
});
