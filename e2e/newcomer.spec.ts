// A newcomer's first ten minutes, on a phone, against what README command 1 (`npm run demo`) serves: the
// landing page, the demo event with its cover image, a ticket bought in test mode with the seeded discount
// code, then the door scanner: provisioned, taken offline and reloaded, it still opens (service worker) and
// validates that ticket with no network. Screenshots of each step are attached to the report.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  createScannerLink,
  demoEventId,
  launchScanner,
  result,
  ticketCode,
  typeCode,
  waitForServiceWorker,
} from "./checkin-support";
import { expectAccessible, pickTickets, signIn, uniqueEmail } from "./support";

async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("a newcomer buys a ticket with the demo code and the scanner validates it offline after a reload", async ({
  browser,
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = String(testInfo.project.use.baseURL);

  // The landing page says what Stagedoor is and leads to the events; the site has a favicon.
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Tickets for live music, straight from the venue" }),
  ).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Test mode" })).toBeVisible();
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await snapshot(page, testInfo, "landing");
  await expectAccessible(page, "landing");
  await page.getByRole("link", { name: "See upcoming events" }).click();
  await page.getByRole("link", { name: "The Night Owls — Demo Night" }).click();

  // The demo event shows its cover image.
  await expect(page).toHaveURL(/\/tickets\/e\/demo-night$/);
  const cover = page.getByTestId("event-cover");
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await snapshot(page, testInfo, "event page");

  // One ticket with the seeded code DEMO10, paid on the test-mode payment page.
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, "General Admission", 1);
  await picker.getByLabel("Your name").fill("Nia Newcomer");
  await picker.getByLabel("Email for your tickets").fill(uniqueEmail("newcomer"));
  await picker.getByLabel("Discount code").fill("DEMO10");
  await picker.getByRole("button", { name: "Continue to payment (1)" }).click();
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Discount" })).toBeVisible();
  const total = (await page.getByTestId("payment-total").textContent()) ?? "";
  await page.getByRole("button", { name: `Pay ${total}` }).click();
  await expect(page).toHaveURL(/\/tickets\/order\/[^?]+\?token=/);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1, { timeout: 20_000 });
  await snapshot(page, testInfo, "passes");
  const passes = new URL(page.url());
  const order = {
    orderId: passes.pathname.split("/").pop() ?? "",
    token: passes.searchParams.get("token") ?? "",
  };
  const summary = await request.get(
    `/api/tickets/orders/${order.orderId}?token=${encodeURIComponent(order.token)}`,
  );
  const ticketId = ((await summary.json()) as { tickets: { id: string }[] }).tickets[0]?.id ?? "";
  const code = await ticketCode(request, { ...order, ticketIds: [ticketId] }, ticketId);

  // The demo organizer makes a scanner link; a phone opens it and syncs.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, request, "demo@stagedoor.test");
  const { link } = await createScannerLink(ownerPage, await demoEventId(ownerPage), "Newcomer's phone");
  await owner.close();
  const { context, page: scanner } = await launchScanner(
    mkdtempSync(path.join(os.tmpdir(), "newcomer-")),
    null,
    baseURL,
    false,
  );
  try {
    await scanner.goto(link);
    await expect(scanner).toHaveURL(/\/tickets\/checkin$/);
    await expect(scanner.getByTestId("sync-status")).toContainText("Last synced just now");
    await waitForServiceWorker(scanner);

    // No network, reloaded: the scanner still opens and admits the ticket on its own.
    await context.setOffline(true);
    await scanner.reload();
    await expect(scanner.getByText("Newcomer's phone · Offline")).toBeVisible();
    await typeCode(scanner, code);
    await expect(result(scanner)).toHaveAttribute("data-outcome", "valid", { timeout: 15_000 });
    await expect(result(scanner)).toContainText("Nia Newcomer");
    await snapshot(scanner, testInfo, "scanner offline");
  } finally {
    await context.close();
  }
});
