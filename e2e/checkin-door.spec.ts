// The door scanner beyond the camera: typed codes, lookup and check-in by hand, a damaged local store, a
// device revoked in the portal, and a new version of the app deployed while the scanner is open.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { REVOKED_DEVICE_MESSAGE } from "@/lib/checkin/contract";
import { trailingBitSpellings } from "@/lib/tickets/testing/code-spellings";
import {
  buy,
  demoEventId,
  provisionedScanner,
  recentScans,
  result,
  ticketCode,
  typeCode,
  waitForServiceWorker,
} from "./checkin-support";
import { signIn } from "./support";

const SERVICE_WORKER = path.join(import.meta.dirname, "../public/sw.js");
const suffix = () => Date.now().toString(36);

// The demo owner signs in once for the whole file (sign-in links are rate-limited per address).
let ownerSession: Awaited<ReturnType<BrowserContext["storageState"]>>;
let eventId: string;

test.beforeAll(async ({ browser }, testInfo) => {
  const owner = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL) });
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, ownerPage.request, "demo@stagedoor.test");
  eventId = await demoEventId(ownerPage);
  ownerSession = await owner.storageState();
  await owner.close();
});

const openScanner = (browser: Browser, deviceName: string) =>
  provisionedScanner(browser, ownerSession, eventId, deviceName);

test("typed codes are checked like scans; a ticket found by name is checked in by hand", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const deviceName = `Desk ${suffix()}`;
  const holder = `Casey Desk ${suffix()}`;
  const order = await buy(browser, 2, holder);
  const [typedId, lookedUpId] = order.ticketIds as [string, string];
  const code = await ticketCode(request, order, typedId);
  const { owner, ownerPage, scanner, page } = await openScanner(browser, deviceName);

  // A real code typed in (or sent by a keyboard-wedge scanner), a QR from another system, a forged code.
  await typeCode(page, code);
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await expect(result(page)).toContainText(`General Admission · ${holder}`);
  await result(page).click();
  await typeCode(page, "https://example.com/not-a-stagedoor-ticket");
  await expect(result(page)).toHaveAttribute("data-outcome", "invalid");
  await expect(result(page)).toContainText("Not a Stagedoor ticket");
  await result(page).click();
  const forged = `${code.slice(0, 80)}${code[80] === "A" ? "B" : "A"}${code.slice(81)}`;
  await typeCode(page, forged);
  await expect(result(page)).toHaveAttribute("data-outcome", "invalid");
  await expect(result(page)).toContainText("Forged or damaged code");
  await result(page).click();

  // The other ticket, found by name: checked in by hand.
  await page.getByLabel("Find by name or email").fill(holder);
  const matches = page.locator(".ci-matches li");
  await expect(matches).toHaveCount(2);
  const lookedUp = matches.filter({ hasText: `#${lookedUpId.slice(-8).toUpperCase()}` });
  await expect(lookedUp).toContainText("not yet admitted");
  await lookedUp.getByRole("button", { name: `Check in ${holder}` }).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await expect(result(page)).toContainText(holder);
  await result(page).click();

  // Both admissions reach the server (the one by hand flagged as manual) and come back in the list.
  await expect(page.getByTestId("sync-status")).toContainText("2 admitted here · 0 to upload");
  const scans = await recentScans(ownerPage, eventId);
  expect(scans).toContainEqual(
    expect.objectContaining({ ticketId: lookedUpId, result: "admitted", manual: true, deviceName }),
  );
  expect(scans).toContainEqual(
    expect.objectContaining({ ticketId: typedId, result: "admitted", manual: false, deviceName }),
  );
  await expect(lookedUp).toContainText(`on ${deviceName}`);

  // Checked again, by hand or typed: already used.
  await lookedUp.getByRole("button", { name: `Check in ${holder}` }).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "already_used");
  await result(page).click();
  await page.waitForTimeout(2_000); // the same code twice within 2 s is ignored (a camera reads a QR often)
  await typeCode(page, code);
  await expect(result(page)).toHaveAttribute("data-outcome", "already_used");
  await expect(result(page)).toContainText(`on ${deviceName}`);
  await scanner.close();
  await owner.close();
});

test("a short code typed at the desk finds its ticket; another spelling of a used code is INVALID", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const holder = `Jo Short ${suffix()}`;
  const order = await buy(browser, 2, holder);
  const [shortId, usedId] = order.ticketIds as [string, string];
  const usedCode = await ticketCode(request, order, usedId);
  const { owner, scanner, page } = await openScanner(browser, `Desk ${suffix()}`);

  // The short code on the pass (#ZD5X14R8), as door staff type it: found and checked like a ticket found by
  // name.
  const shortCode = shortId.slice(-8).toUpperCase();
  await typeCode(page, shortCode);
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await expect(result(page)).toContainText(`General Admission · ${holder}`);
  await result(page).click();
  await typeCode(page, ` #${shortCode.toLowerCase()} `);
  await expect(result(page)).toHaveAttribute("data-outcome", "already_used");
  await result(page).click();

  // A code has one spelling: after its holder went in, the same bytes spelt otherwise are no ticket at all
  // (not "valid, sold after last sync").
  await typeCode(page, usedCode);
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await result(page).click();
  for (const other of trailingBitSpellings(usedCode)) {
    await typeCode(page, other);
    await expect(result(page)).toHaveAttribute("data-outcome", "invalid");
    await expect(result(page)).toContainText("Not a Stagedoor ticket");
    await result(page).click();
  }
  await scanner.close();
  await owner.close();
});

test("a damaged local store is offered a clean re-sync, and its unsent scans survive it", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const deviceName = `Desk ${suffix()}`;
  const order = await buy(browser, 1, `Drew Reset ${suffix()}`);
  const [ticketId] = order.ticketIds as [string];
  const code = await ticketCode(request, order, ticketId);
  const { owner, ownerPage, scanner, page } = await openScanner(browser, deviceName);
  await waitForServiceWorker(page);

  // Offline, a ticket is admitted and queued.
  await scanner.setOffline(true);
  await typeCode(page, code);
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await result(page).click();
  await expect(page.getByTestId("sync-status")).toContainText("1 to upload");

  // The stored ticket list is damaged; the app, reopened offline, says so.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("stagedoor-checkin");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(["meta", "chunks"], "readwrite");
    const sync = tx.objectStore("meta").get("sync");
    sync.onsuccess = () => {
      const generation = (sync.result as { generation: number }).generation;
      tx.objectStore("chunks").put({ tickets: "garbage" }, [generation, 0]);
    };
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "The scanner's data could not be read" })).toBeVisible();

  // Back online: reset, and a full sync; the queued scan was kept and is uploaded.
  await scanner.setOffline(false);
  await page.getByRole("button", { name: "Reset and re-sync" }).click();
  await expect(page.getByText(`${deviceName} · Online`)).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");
  await expect(page.getByTestId("sync-status")).toContainText("0 to upload");
  await expect(page.getByTestId("sync-status")).toContainText(/· [1-9]\d* tickets/);
  expect(await recentScans(ownerPage, eventId)).toContainEqual(
    expect.objectContaining({ ticketId, result: "admitted", deviceName }),
  );
  await scanner.close();
  await owner.close();
});

test("a device revoked in the portal is told so at its next sync and stops scanning", async ({ browser }) => {
  const deviceName = `Desk ${suffix()}`;
  const { owner, ownerPage, scanner, page } = await openScanner(browser, deviceName);

  await ownerPage.goto(`/tickets/organizer/events/${eventId}/checkin`);
  const row = ownerPage.getByRole("row").filter({ hasText: deviceName });
  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = ownerPage.getByRole("dialog", { name: `Revoke ${deviceName}?` });
  await confirm.getByRole("button", { name: "Revoke device" }).click();
  await expect(ownerPage.getByRole("status").filter({ hasText: `${deviceName} revoked` })).toBeVisible();
  await expect(row).toContainText("revoked");

  await page.getByRole("button", { name: "Sync now" }).click();
  const revoked = page.getByRole("alert").filter({ hasText: "Device revoked" });
  await expect(revoked).toContainText(REVOKED_DEVICE_MESSAGE);
  await expect(page.getByRole("button", { name: "Scan with camera" })).toHaveCount(0);
  await expect(page.getByLabel("Ticket code")).toHaveCount(0);
  // Reopened, it asks the server again and is refused again.
  await page.reload();
  await expect(revoked).toContainText(REVOKED_DEVICE_MESSAGE);
  await page.getByRole("button", { name: "Forget this device" }).click();
  await expect(page.getByText("Scan the scanner link from the organizer portal")).toBeVisible();
  await scanner.close();
  await owner.close();
});

test("a new version deployed while the scanner is open: it offers a reload and runs the new version", async ({
  browser,
}) => {
  const { owner, page, scanner } = await openScanner(browser, `Desk ${suffix()}`);
  await waitForServiceWorker(page);
  const waiting = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
  // The next deployment: another service worker script at the same URL, served by this very server
  // (routing cannot stand in for it: the browser's update check does not go through page routes).
  const current = readFileSync(SERVICE_WORKER, "utf8");
  writeFileSync(SERVICE_WORKER, `${current}\n// next version\n`);
  try {
    await page.reload();
    const prompt = page.getByRole("status").filter({ hasText: "A new version is ready" });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    expect(await waiting()).toBe(true);

    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
    await waitForServiceWorker(page);
    await expect(page.getByTestId("sync-status")).toContainText("Last synced");
    await expect(prompt).toHaveCount(0);
    expect(await waiting()).toBe(false);
  } finally {
    writeFileSync(SERVICE_WORKER, current);
  }
  await scanner.close();
  await owner.close();
});
