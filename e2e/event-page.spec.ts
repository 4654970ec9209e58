import { expect, test } from "@playwright/test";
import { expectAccessible, pickTickets } from "./support";

test("the event page tells search engines and chat apps what the event is", async ({ page, request }) => {
  await page.goto("/tickets/e/demo-night");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(/\/tickets\/e\/demo-night$/);
  const ogImage = (await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
  const image = await request.get(ogImage);
  expect(image.ok()).toBe(true);
  expect(image.headers()["content-type"]).toMatch(/^image\//);

  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  ) as {
    startDate: string;
    description?: string;
    image: string[];
    organizer: { url: string };
    offers: { validFrom: string; price: string }[];
  };
  // The venue's wall-clock time with its offset, not UTC.
  expect(jsonLd.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  expect(jsonLd.startDate.endsWith("+00:00")).toBe(false);
  expect(jsonLd.description?.length).toBeGreaterThan(0);
  expect(jsonLd.image[0]).toBe(ogImage);
  expect(jsonLd.offers.length).toBeGreaterThan(0);
  for (const offer of jsonLd.offers) expect(offer.validFrom).toMatch(/[+-]\d\d:\d\d$/);
  const organizerPage = await request.get(jsonLd.organizer.url);
  expect(organizerPage.ok()).toBe(true);
  expect(await organizerPage.text()).toContain("demo-night");
});

test("the event page on this screen: cover, facts, steppers, and a Continue bar fixed to the bottom on phones only", async ({
  page,
}) => {
  await page.goto("/tickets/e/demo-night");
  await expect(page.getByTestId("event-cover")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open in a map" })).toBeVisible();
  await expectAccessible(page, "event-page");
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, "General Admission", 1);
  const bar = picker.getByRole("button", { name: "Continue to payment (1)" }).locator("..");
  const phone = (page.viewportSize()?.width ?? 0) < 640;
  await expect(bar).toHaveCSS("position", phone ? "fixed" : "static");
  // On a phone the bar stays on screen wherever the buyer is; on a desktop it sits under the tiers.
  if (phone) await expect(bar).toBeInViewport();
  else await expect(bar).toBeVisible();
  await expectAccessible(page, "event-page-picked");
});

test("an unknown event is a branded 404 with a way back", async ({ page }) => {
  const response = await page.goto("/tickets/e/no-such-show");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We can’t find this event" })).toBeVisible();
  await expectAccessible(page, "event-not-found");
  await page.getByRole("link", { name: "Browse upcoming events" }).click();
  await expect(page).toHaveURL(/\/tickets\/events$/);
  await expectAccessible(page, "events");
});
