// The app opened at http://127.0.0.1 (not localhost) becomes interactive: under `next dev` the page's
// scripts and live-reload socket are only served to allowed hosts (next.config.ts allowedDevOrigins).
import { expect, test } from "@playwright/test";
import { pickTickets } from "./support";

test("the event page opened at 127.0.0.1 hydrates: the ticket picker answers input", async ({
  page,
  baseURL,
}) => {
  const url = new URL("/tickets/e/demo-night", baseURL);
  url.hostname = "127.0.0.1";
  const blocked: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 403 && new URL(response.url()).pathname.startsWith("/_next/")) {
      blocked.push(response.url());
    }
  });
  await page.goto(url.toString());
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, "General Admission", 2);
  await expect(picker.getByRole("button", { name: "Continue to payment (2)" })).toBeVisible();
  expect(blocked).toEqual([]);
});
