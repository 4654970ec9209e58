// The scanner as a device: one scanner link makes one device and opens on the synced scanner (also under
// `next dev`, where React runs the start-up effect twice: see playwright.dev.config.ts), one tab writes at a
// time, and scans a phone made before it was given another link go up under the device that made them.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { OTHER_TAB_MESSAGE } from "@/lib/checkin/client/session";
import {
  buy,
  createScannerLink,
  demoEventId,
  pixel,
  recentScans,
  result,
  ticketCode,
  typeCode,
} from "./checkin-support";
import { magicLinkFrom, waitForEmail } from "./support";

const suffix = () => Date.now().toString(36);
const NO_DEVICE_TEXT = "Scan the scanner link from the organizer portal";

let ownerSession: Awaited<ReturnType<BrowserContext["storageState"]>>;
let eventId: string;

// The demo owner signs in through the API (magic link from the development mailbox), not the sign-in page:
// under `next dev` a page may reload itself while it compiles what it uses, under a form being filled in.
test.beforeAll(async ({ browser }, testInfo) => {
  const owner = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL) });
  const email = "demo@stagedoor.test";
  const asked = await owner.request.post("/api/tickets/auth/magic-link", {
    data: { email, callbackUrl: "/tickets/organizer" },
  });
  expect(asked.ok()).toBe(true);
  const signedIn = await owner.request.get(
    magicLinkFrom(await waitForEmail(owner.request, email, "magic-link")),
  );
  expect(signedIn.ok()).toBe(true);
  const ownerPage = await owner.newPage();
  eventId = await demoEventId(ownerPage);
  ownerSession = await owner.storageState();
  await owner.close();
});

async function ownerPage(browser: import("@playwright/test").Browser) {
  const owner = await browser.newContext({ storageState: ownerSession });
  return { owner, page: await owner.newPage() };
}

/** Every text the scanner page showed since it loaded (kept in the page, across re-renders). */
async function recordTexts(page: Page) {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { seenTexts: Set<string> }).seenTexts = seen;
    new MutationObserver(() => seen.add(document.body?.innerText ?? "")).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return async () =>
    page.evaluate(() => [...(window as unknown as { seenTexts: Set<string> }).seenTexts].join("\n"));
}

async function devices(page: Page) {
  const response = await page.request.get(`/api/tickets/events/${eventId}/devices`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { devices: { id: string; name: string; status: string }[] }).devices;
}

test("a scanner link opens on the synced scanner and makes exactly one device", async ({ browser }) => {
  test.setTimeout(180_000);
  const { owner, page: portal } = await ownerPage(browser);
  const deviceName = `Gate ${suffix()}`;
  const { link, deviceId } = await createScannerLink(portal, eventId, deviceName);
  const phone = await browser.newContext({ ...pixel });
  const page = await phone.newPage();
  const texts = await recordTexts(page);

  await page.goto(link);
  await expect(page.getByText(`${deviceName} · Online`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");
  await expect(page).toHaveURL(/\/tickets\/checkin$/);
  expect(await texts()).not.toContain(NO_DEVICE_TEXT);
  expect(await texts()).not.toContain("Scanner link not used");
  expect(await texts()).not.toContain(OTHER_TAB_MESSAGE);
  // One device on the server, the link's, now in use; the phone runs as that device.
  expect((await devices(portal)).filter((d) => d.name === deviceName)).toEqual([
    expect.objectContaining({ id: deviceId, status: "active" }),
  ]);
  const stored = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem("stagedoor-checkin-device") ?? "null") as { device: { id: string } },
  );
  expect(stored.device.id).toBe(deviceId);
  // Reopened: the same device, no second exchange of the (spent) link.
  await page.reload();
  await expect(page.getByText(`${deviceName} · Online`)).toBeVisible({ timeout: 60_000 });
  expect(await texts()).not.toContain(NO_DEVICE_TEXT);
  await phone.close();
  await owner.close();
});

test("a second tab says the scanner is open in another tab, writes nothing, and takes over later", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const order = await buy(browser, 1, `Tab Holder ${suffix()}`);
  const code = await ticketCode(request, order, order.ticketIds[0] ?? "");
  const { owner, page: portal } = await ownerPage(browser);
  const deviceName = `Tabs ${suffix()}`;
  const { link } = await createScannerLink(portal, eventId, deviceName);
  const phone = await browser.newContext({ ...pixel });
  const first = await phone.newPage();
  await first.goto(link);
  await expect(first.getByText(`${deviceName} · Online`)).toBeVisible({ timeout: 60_000 });

  const second = await phone.newPage();
  await second.goto("/tickets/checkin");
  await expect(second.getByRole("heading", { name: OTHER_TAB_MESSAGE })).toBeVisible({ timeout: 60_000 });
  await expect(second.getByLabel("Ticket code")).toHaveCount(0);
  await expect(second.getByRole("button", { name: "Sync now" })).toHaveCount(0);

  // The first tab scans on; closed, it hands over to the second, which has its admission.
  await typeCode(first, code);
  await expect(result(first)).toHaveAttribute("data-outcome", "valid");
  await first.close();
  await expect(second.getByText(`${deviceName} · Online`)).toBeVisible({ timeout: 30_000 });
  await typeCode(second, code);
  await expect(result(second)).toHaveAttribute("data-outcome", "already_used");
  await phone.close();
  await owner.close();
});

test("scans a phone made before getting another link go up under the device that made them", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const order = await buy(browser, 1, `Early Bird ${suffix()}`);
  const [ticketId] = order.ticketIds as [string];
  const code = await ticketCode(request, order, ticketId);
  const { owner, page: portal } = await ownerPage(browser);
  const [before, after] = [`Before ${suffix()}`, `After ${suffix()}`];
  const first = await createScannerLink(portal, eventId, before);
  const second = await createScannerLink(portal, eventId, after);
  const phone = await browser.newContext({ ...pixel });
  const page = await phone.newPage();
  await page.goto(first.link);
  await expect(page.getByText(`${before} · Online`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");

  // The upload does not get through (a bad connection): the admission stays queued.
  await page.route("**/api/tickets/checkin/sync", (route) =>
    route.request().method() === "POST" ? route.abort() : route.fallback(),
  );
  await typeCode(page, code);
  await expect(result(page)).toHaveAttribute("data-outcome", "valid");
  await result(page).click();
  await expect(page.getByTestId("sync-status")).toContainText("1 to upload");

  // The phone is given another scanner link meanwhile.
  await page.goto(second.link);
  await expect(page.getByText(`${after} · Online`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Scans of earlier devices" })).toContainText(
    `1 scan from ${before}`,
  );
  // The connection is back: the scan goes up as the first device's, and nothing as the second's.
  await page.unroute("**/api/tickets/checkin/sync");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByRole("list", { name: "Scans of earlier devices" })).toHaveCount(0, {
    timeout: 20_000,
  });
  const scans = (await recentScans(portal, eventId)).filter((s) => s.ticketId === ticketId);
  expect(scans).toEqual([expect.objectContaining({ result: "admitted", deviceName: before })]);
  // This phone still knows whom it let in.
  await typeCode(page, code);
  await expect(result(page)).toHaveAttribute("data-outcome", "already_used");
  await phone.close();
  await owner.close();
});
