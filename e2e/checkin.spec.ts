// The door scanner PWA end to end: provisioning, offline reloads, a fake camera showing real tickets
// bought in this test, refunds, sales after the last sync, upload, and duplicates across two devices.
// Each scanner is a persistent Chromium profile relaunched with a different fake-camera video (Chromium
// fixes the fake camera per launch), so its IndexedDB and service worker survive between launches.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  buy,
  cameraVideo,
  createScannerLink,
  demoEventId,
  launchScanner,
  result,
  waitForServiceWorker,
} from "./checkin-support";
import { collectCspViolations, expectAccessible, sameOrigin, signIn } from "./support";

test("door scanner: offline reloads, camera scans, refunds, late sales, upload and duplicates", async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const profiles = [
    mkdtempSync(path.join(os.tmpdir(), "door1-")),
    mkdtempSync(path.join(os.tmpdir(), "door2-")),
  ];
  const [door1, door2] = profiles as [string, string];

  // The demo owner creates two scanner links.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, request, "demo@stagedoor.test");
  const eventId = await demoEventId(ownerPage);
  const links: string[] = [];
  for (const name of ["Door 1", "Door 2"])
    links.push((await createScannerLink(ownerPage, eventId, name)).link);

  // Two tickets bought through the test-mode payment page; the second is refunded.
  const first = await buy(browser, 2, "Robin Fan");
  const [ticketA, ticketB] = first.ticketIds as [string, string];
  // (The QR route answers 410 for a refunded ticket: make the videos first.)
  const videoA = await cameraVideo(request, first, ticketA);
  const videoB = await cameraVideo(request, first, ticketB);
  const refund = await ownerPage.request.post(`/api/tickets/orders/${first.orderId}/refund`, {
    data: { ticketIds: [ticketB], reason: "Customer can't come" },
    ...sameOrigin(ownerPage),
  });
  expect(refund.status()).toBe(202);
  await expect
    .poll(
      async () => {
        const r = await ownerPage.request.get(`/api/tickets/orders/${first.orderId}/refund`);
        const order = (await r.json()) as { tickets: { id: string; status: string }[] };
        return order.tickets.find((t) => t.id === ticketB)?.status;
      },
      { timeout: 30_000 },
    )
    .toBe("refunded");

  // Door 2 is provisioned and synced now, so later it knows nothing of Door 1's scans.
  {
    const { context, page } = await launchScanner(door2, videoA, baseURL, false);
    await page.goto(links[1] ?? "");
    await expect(page.getByText("Door 2 · Online")).toBeVisible();
    await expectAccessible(page, "scanner");
    await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");
    await expect(page).toHaveURL(/\/tickets\/checkin$/);
    await waitForServiceWorker(page);
    await context.close();
  }

  // Door 1: provision, sync, then offline; a reload still opens the app; the camera admits ticket A,
  // and the same ticket 3 s later is already used.
  {
    const { context, page } = await launchScanner(door1, videoA, baseURL, false);
    // The scanner runs under the CSP (camera allowed here only): service worker, IndexedDB, camera frames.
    const cspViolations = collectCspViolations(page);
    const response = await page.goto(links[0] ?? "");
    expect(response?.headers()["permissions-policy"]).toContain("camera=(self)");
    await expect(page).toHaveURL(/\/tickets\/checkin$/);
    await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText("Door 1 · Offline")).toBeVisible();
    await page.getByRole("button", { name: "Scan with camera" }).click();
    await expect(result(page)).toHaveAttribute("data-outcome", "valid", { timeout: 15_000 });
    await expect(result(page)).toContainText("General Admission");
    await expectAccessible(page, "scanner-result-valid", { include: ".ci-result" });
    await expect(result(page)).toContainText("Robin Fan");
    await page.waitForTimeout(3_000);
    await expect(result(page)).toHaveAttribute("data-outcome", "already_used", { timeout: 15_000 });
    await expect(result(page)).toContainText(/Already scanned \d{1,2}:\d{2} [AP]M/);
    expect(cspViolations).toEqual([]);
    await context.close();
  }

  // Ticket C is sold while Door 1 is offline.
  const second = await buy(browser, 1, "Sam Late");
  const ticketC = second.ticketIds[0] ?? "";
  const videoC = await cameraVideo(request, second, ticketC);

  // Door 1, still offline, relaunched (the app opens from the service worker): refunded → red.
  {
    const { context, page } = await launchScanner(door1, videoB, baseURL, true);
    await page.goto("/tickets/checkin");
    await expect(page.getByText("Door 1 · Offline")).toBeVisible();
    await page.getByRole("button", { name: "Scan with camera" }).click();
    await expect(result(page)).toHaveAttribute("data-outcome", "refunded", { timeout: 15_000 });
    await expect(result(page)).toContainText("Do not admit");
    await expect(result(page)).toHaveClass(/ci-bad/);
    await context.close();
  }
  // Ticket C, sold after the last sync: valid by its signature.
  {
    const { context, page } = await launchScanner(door1, videoC, baseURL, true);
    await page.goto("/tickets/checkin");
    await page.getByRole("button", { name: "Scan with camera" }).click();
    await expect(result(page)).toHaveAttribute("data-outcome", "valid", { timeout: 15_000 });
    await expect(result(page)).toContainText("sold after last sync");
    await context.close();
  }
  // Door 2, offline, admits ticket A too (it has not heard of Door 1's scan).
  {
    const { context, page } = await launchScanner(door2, videoA, baseURL, true);
    await page.goto("/tickets/checkin");
    await expect(page.getByText("Door 2 · Offline")).toBeVisible();
    await page.getByRole("button", { name: "Scan with camera" }).click();
    await expect(result(page)).toHaveAttribute("data-outcome", "valid", { timeout: 15_000 });
    await context.close();
  }

  // Back online: Door 1 uploads; its scans appear on the server.
  const door1Online = await launchScanner(door1, null, baseURL, false);
  await door1Online.page.goto("/tickets/checkin");
  await expect(door1Online.page.getByTestId("sync-status")).toContainText("0 to upload", { timeout: 20_000 });
  const checkins = await ownerPage.request.get(`/api/tickets/events/${eventId}/checkins`);
  expect(checkins.ok()).toBe(true);
  const view = (await checkins.json()) as {
    recentScans: { ticketId: string | null; result: string; deviceName: string | null }[];
  };
  const door1Scans = view.recentScans.filter((s) => s.deviceName === "Door 1");
  expect(door1Scans.some((s) => s.ticketId === ticketA && s.result === "admitted")).toBe(true);
  expect(door1Scans.some((s) => s.ticketId === ticketC && s.result === "admitted")).toBe(true);
  expect(door1Scans.some((s) => s.ticketId === ticketB && s.result === "rejected")).toBe(true);

  // Door 2 syncs: its admission of ticket A is a possible duplicate of Door 1's.
  {
    const { context, page } = await launchScanner(door2, null, baseURL, false);
    await page.goto("/tickets/checkin");
    await expect(page.getByTestId("sync-status")).toContainText("0 to upload", { timeout: 20_000 });
    await expect(page.getByRole("list", { name: "Possible duplicates" })).toContainText(
      /Possible duplicate: also admitted at \d{1,2}:\d{2} [AP]M on Door 1/,
    );
    await context.close();
  }
  // Door 1 syncs again and hears of Door 2's admission.
  await door1Online.page.getByRole("button", { name: "Sync now" }).click();
  await expect(door1Online.page.getByRole("list", { name: "Possible duplicates" })).toContainText(
    /Possible duplicate: also admitted at \d{1,2}:\d{2} [AP]M on Door 2/,
  );
  await door1Online.context.close();
  await owner.close();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});
