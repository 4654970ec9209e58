// Global setup of the `next dev` journeys (playwright.dev.config.ts): the development server compiles a page
// on its first visit and then reloads it, sometimes several times, while it compiles what the page uses.
// Each page the journeys visit is opened here until it stays put, so the journeys meet warm pages.
import { chromium, type FullConfig } from "@playwright/test";
import { launchOptions } from "./playwright.config";

const PAGES = [
  "/tickets/e/demo-night",
  "/tickets/checkin",
  "/tickets/login",
  "/tickets/organizer",
  "/tickets/dev/pay/warm-up?token=warm-up",
  "/tickets/order/warm-up?token=warm-up",
];
const QUIET_MS = 5_000;
const MAX_MS_PER_PAGE = 120_000;

export default async function warmUp(config: FullConfig) {
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage({ baseURL: String(config.projects[0]?.use.baseURL) });
  let lastNavigation = Date.now();
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) lastNavigation = Date.now();
  });
  for (const path of PAGES) {
    const started = Date.now();
    await page.goto(path);
    while (Date.now() - lastNavigation < QUIET_MS && Date.now() - started < MAX_MS_PER_PAGE) {
      await page.waitForTimeout(500);
    }
  }
  await browser.close();
}
