import { expect, test } from "@playwright/test";
import QRCode from "qrcode";
import { expectAccessible, signInAsNewOrganizer } from "./support";

test("an organizer onboards in test mode, builds an event with two tiers and a code, and publishes it", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000); // a long journey, with an axe pass over the whole event editor
  await signInAsNewOrganizer(page, request, "Harbour Sounds");

  // Stripe Connect in test mode.
  const portalNav = page.getByRole("navigation", { name: "Organizer" });
  await portalNav.getByRole("link", { name: "Payments" }).click();
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  await expect(page.getByText(/Stripe test mode/i).first()).toBeVisible();
  await page.getByRole("button", { name: "Complete test onboarding" }).click();
  await expect(page).toHaveURL(/\/tickets\/organizer\/payments/);
  await expect(page.getByText("Charges enabled").first()).toBeVisible();
  await expect(page.getByTitle("Connected to a built-in test account: no real money moves")).toBeVisible();

  // The organizer's logo, for confirmation emails.
  await portalNav.getByRole("link", { name: "Overview" }).click();
  await page.getByLabel("Logo").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: await QRCode.toBuffer("Harbour Sounds", { width: 128 }),
  });
  await expect(page.getByText("Logo updated.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current logo" })).toBeVisible();

  // The event, with GST + PST and the buyer paying the service fee.
  await portalNav.getByRole("link", { name: "Events" }).click();
  await page.getByRole("link", { name: "New event" }).click();
  const form = page.getByRole("form", { name: "New event" });
  const title = `Harbour Lights ${Date.now()}`;
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Venue name", { exact: true }).fill("The Pier");
  await form.getByLabel("City", { exact: true }).fill("Vancouver");
  await form.getByLabel("Province / region", { exact: true }).fill("BC");
  await form.getByLabel("Country", { exact: true }).fill("CA");
  await form.getByLabel("Starts", { exact: true }).fill("2031-06-20T20:00");
  await form.getByLabel("Ends", { exact: true }).fill("2031-06-20T23:00");
  await form.getByLabel("Fee model", { exact: true }).selectOption("buyer_pays");
  await form.getByRole("button", { name: "Add tax" }).click();
  await form.getByLabel("Tax name", { exact: true }).nth(0).fill("GST");
  await form.getByLabel("Rate (%)", { exact: true }).nth(0).fill("5");
  await form.getByRole("button", { name: "Add tax" }).click();
  await form.getByLabel("Tax name", { exact: true }).nth(1).fill("PST");
  await form.getByLabel("Rate (%)", { exact: true }).nth(1).fill("7");
  await form.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The editor's sections are tabs; the open one is kept in the URL.
  const sections = page.getByRole("tablist", { name: "Event sections" });
  await expect(sections.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page, "event-editor-details");

  // Two tiers.
  await sections.getByRole("tab", { name: "Tickets" }).click();
  await expect(page).toHaveURL(/[?&]tab=tickets/);
  for (const tier of [
    { name: "General Admission", price: "25.00", capacity: "100" },
    { name: "VIP", price: "60.00", capacity: "20" },
  ]) {
    await page.getByLabel("Tier name").fill(tier.name);
    await page.getByLabel("Price", { exact: true }).fill(tier.price);
    await page.getByLabel("Capacity", { exact: true }).last().fill(tier.capacity);
    await page.getByRole("button", { name: "Add tier" }).click();
    await expect(page.getByRole("cell", { name: tier.name, exact: true })).toBeVisible();
  }

  // A discount code.
  await sections.getByRole("tab", { name: "Discount codes" }).click();
  await page.getByLabel("Code", { exact: true }).fill("EARLYBIRD");
  await page.getByLabel("Discount type").selectOption("percent");
  await page.getByLabel("Percent off (%)").fill("10");
  await page.getByRole("button", { name: "Add code" }).click();
  await expect(page.getByRole("cell", { name: "EARLYBIRD" })).toBeVisible();
  await expectAccessible(page, "event-editor");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("link", { name: "View public page" })).toBeVisible();
  await page.getByRole("link", { name: "View public page" }).click();

  // The public page shows what a buyer pays: $25 + $1.66 fee + $1.25 GST + $1.75 PST = $29.66, and
  // $60 + $2.55 fee + $3.00 GST + $4.20 PST = $69.75.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const prices = page.getByTestId("tier-price");
  await expect(prices).toHaveText(["$29.66", "$69.75"]);
  await expect(page.getByTestId("tier-breakdown").first()).toHaveText(
    "$25.00 ticket + $1.66 fee + $1.25 GST + $1.75 PST",
  );
});
