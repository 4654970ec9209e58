// Helpers for the door scanner journeys: scanner links, tickets bought through the test-mode payment page,
// their codes (read from the app's own QR image), fake-camera videos and scanner browsers.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  chromium,
  devices,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import zxing from "@zxing/library";
import { launchOptions } from "./playwright.config";
import { pickTickets, sameOrigin, uniqueEmail, whenHydrated } from "./support";

const { BinaryBitmap, DecodeHintType, HybridBinarizer, PlanarYUVLuminanceSource, QRCodeReader } = zxing;
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const { defaultBrowserType: _ignored, ...pixelDevice } = devices["Pixel 7"];
void _ignored;
/** The phone the scanners run on. */
export const pixel = pixelDevice;

export interface Bought {
  orderId: string;
  token: string;
  ticketIds: string[];
}

/** The full-screen scan result. */
export const result = (page: Page) => page.locator(".ci-result");

/** The demo event's id, as its owner (signed in on `ownerPage`) sees it. */
export async function demoEventId(ownerPage: Page): Promise<string> {
  const events = (await (await ownerPage.request.get("/api/tickets/events")).json()) as {
    events: { id: string; slug: string }[];
  };
  const demo = events.events.find((e) => e.slug === "demo-night");
  if (!demo) throw new Error("demo event missing");
  return demo.id;
}

/** A scanner link for the event (path and query, to open in the scanner), and the device's id. */
export async function createScannerLink(
  ownerPage: Page,
  eventId: string,
  name: string,
): Promise<{ link: string; deviceId: string }> {
  const created = await ownerPage.request.post(`/api/tickets/events/${eventId}/devices`, {
    data: { name },
    ...sameOrigin(ownerPage),
  });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { provisioningUrl: string; device: { id: string } };
  const url = new URL(body.provisioningUrl);
  return { link: url.pathname + url.search, deviceId: body.device.id };
}

/** Buys `quantity` General Admission tickets to the demo event for `name`. */
export async function buy(browser: Browser, quantity: number, name: string): Promise<Bought> {
  const context = await browser.newContext({ ...pixel });
  const page = await context.newPage();
  await page.goto("/tickets/e/demo-night");
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, "General Admission", quantity);
  await picker.getByLabel("Your name").fill(name);
  await picker.getByLabel("Email for your tickets").fill(uniqueEmail("door"));
  await picker.getByRole("button", { name: `Continue to payment (${quantity})` }).click();
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  const total = (await page.getByTestId("payment-total").textContent()) ?? "";
  const pay = page.getByRole("button", { name: `Pay ${total}` });
  await whenHydrated(pay);
  await pay.click();
  await expect(page).toHaveURL(/\/tickets\/order\/[^?]+\?token=/);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(quantity, {
    timeout: 20_000,
  });
  const url = new URL(page.url());
  const orderId = url.pathname.split("/").pop() ?? "";
  const token = url.searchParams.get("token") ?? "";
  const summary = await page.request.get(`/api/tickets/orders/${orderId}?token=${encodeURIComponent(token)}`);
  expect(summary.ok()).toBe(true);
  const body = (await summary.json()) as { tickets: { id: string }[] };
  await context.close();
  return { orderId, token, ticketIds: body.tickets.map((t) => t.id) };
}

/** The ticket's real QR PNG from the app, saved under fixtures/. */
async function qrImage(request: APIRequestContext, order: Bought, ticketId: string): Promise<string> {
  const png = await request.get(
    `/api/tickets/tickets/${ticketId}/qrcode?format=png&token=${encodeURIComponent(order.token)}`,
  );
  expect(png.ok()).toBe(true);
  const pngPath = path.join(FIXTURES, `qr-${ticketId}.png`);
  writeFileSync(pngPath, await png.body());
  return pngPath;
}

/**
 * The frames of a fake-camera video: the QR at a few sizes and slight angles, as a hand-held phone sees it.
 * zxing's detector fails on a few percent of perfectly upright, evenly scaled QR codes; one frame of these
 * always reads.
 */
const CAMERA_FRAMES: [size: number, degrees: number][] = [
  [392, 0],
  [392, 4],
  [420, -5],
  [360, 8],
  [440, -3],
];

/** The ticket's QR turned into a fake-camera video (640×480, 5 frames a second) with ffmpeg. */
export async function cameraVideo(request: APIRequestContext, order: Bought, ticketId: string) {
  const pngPath = await qrImage(request, order, ticketId);
  const videoPath = path.join(FIXTURES, `qr-${ticketId}.y4m`);
  const frames = CAMERA_FRAMES.map(
    ([size, degrees], i) =>
      `[s${i}]scale=${size}:${size},pad=iw+80:ih+80:40:40:white,rotate=${degrees}*PI/180:fillcolor=white,` +
      `scale=-1:460,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,setsar=1[f${i}]`,
  );
  const filter = [
    `[0]format=rgb24,split=${CAMERA_FRAMES.length}${CAMERA_FRAMES.map((_, i) => `[s${i}]`).join("")}`,
    ...frames,
    `${CAMERA_FRAMES.map((_, i) => `[f${i}]`).join("")}concat=n=${CAMERA_FRAMES.length}:v=1:a=0,fps=5`,
  ].join(";");
  execFileSync("/usr/bin/ffmpeg", [
    ...["-loglevel", "error", "-y", "-loop", "1", "-t", "0.2", "-i", pngPath],
    ...["-filter_complex", filter, "-pix_fmt", "yuv420p", videoPath],
  ]);
  return videoPath;
}

/**
 * The ticket's code as a person would type it: read from its QR image (ffmpeg to grey pixels at the image's
 * own size, zxing in pure-barcode mode: the image is nothing but the QR and its margin).
 */
export async function ticketCode(request: APIRequestContext, order: Bought, ticketId: string) {
  const pngPath = await qrImage(request, order, ticketId);
  const png = readFileSync(pngPath);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)]; // the PNG header (IHDR)
  const grey = execFileSync("/usr/bin/ffmpeg", [
    ...["-loglevel", "error", "-i", pngPath, "-f", "rawvideo", "-pix_fmt", "gray", "-"],
  ]);
  const pixels = new PlanarYUVLuminanceSource(
    new Uint8ClampedArray(grey),
    width,
    height,
    0,
    0,
    width,
    height,
    false,
  );
  const hints = new Map([[DecodeHintType.PURE_BARCODE, true]]);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(pixels)), hints).getText();
}

/**
 * A scanner: a persistent Chromium profile (its IndexedDB and service worker survive a relaunch) whose fake
 * camera shows `video` (Chromium fixes the fake camera per launch).
 */
export async function launchScanner(
  profile: string,
  video: string | null,
  baseURL: string,
  offline: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    ...pixel,
    baseURL,
    executablePath: launchOptions.executablePath,
    args: [
      ...launchOptions.args,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      ...(video ? [`--use-file-for-fake-video-capture=${video}`] : []),
    ],
    permissions: ["camera"],
  });
  await context.setOffline(offline);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/**
 * The demo owner (signed in: `ownerSession`), a scanner link for a new device, and that device opened in a
 * phone, synced.
 */
export async function provisionedScanner(
  browser: Browser,
  ownerSession: Awaited<ReturnType<BrowserContext["storageState"]>>,
  eventId: string,
  deviceName: string,
) {
  const owner = await browser.newContext({ storageState: ownerSession });
  const ownerPage = await owner.newPage();
  const { link } = await createScannerLink(ownerPage, eventId, deviceName);
  const scanner = await browser.newContext({ ...pixel });
  const page = await scanner.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/tickets\/checkin$/);
  await expect(page.getByText(`${deviceName} · Online`)).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Last synced just now");
  return { owner, ownerPage, scanner, page };
}

/** Types `code` into "Ticket code" and checks it. */
export async function typeCode(page: Page, code: string) {
  await page.getByLabel("Ticket code").fill(code);
  await page.getByRole("button", { name: "Check", exact: true }).click();
}

/** The event's recent scans, as the organizer sees them. */
export async function recentScans(ownerPage: Page, eventId: string) {
  const response = await ownerPage.request.get(`/api/tickets/events/${eventId}/checkins`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    recentScans: { ticketId: string | null; result: string; manual: boolean; deviceName: string | null }[];
  };
  return body.recentScans;
}

/** Waits until the check-in service worker controls `page` (the app then opens offline). */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20_000 });
}
