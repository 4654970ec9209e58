import { expect, test } from "@playwright/test";
import { magicLinkFrom, uniqueEmail, waitForEmail } from "./support";

test("a newcomer sees the demo event, signs in with a magic link, creates an organizer and lands in the portal", async ({
  page,
  request,
}) => {
  await page.goto("/tickets/events");
  await page.getByRole("link", { name: "The Night Owls — Demo Night" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Night Owls — Demo Night" })).toBeVisible();
  // The demo's two tiers (other journeys may add more to the demo event).
  await expect(page.getByTestId("tier").filter({ hasText: "General Admission" })).toHaveCount(1);
  await expect(page.getByTestId("tier").filter({ hasText: "VIP Balcony" })).toHaveCount(1);
  await expect(page.getByText("Only 2 left")).toBeVisible();

  const email = uniqueEmail("organizer");
  await page.goto("/tickets/organizer");
  await expect(page).toHaveURL(/\/tickets\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const message = await waitForEmail(request, email, "magic-link");
  const link = magicLinkFrom(message);
  await page.goto(link);

  await expect(page).toHaveURL(/\/tickets\/organizer\/new/);
  const slug = `night-owls-${Date.now()}`;
  await page.getByLabel("Name").fill("Night Owls Presents");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Currency").selectOption("cad");
  await page.getByLabel("Time zone").selectOption("America/Vancouver");
  await page.getByRole("button", { name: "Create organizer" }).click();

  await expect(page).toHaveURL(/\/tickets\/organizer$/);
  await expect(page.getByRole("heading", { level: 1, name: "Night Owls Presents" })).toBeVisible();
  // In the portal header (the site header folds the address into its Menu on phones).
  await expect(page.getByText(email).filter({ visible: true }).first()).toBeVisible();

  // The link was single-use: opening it again offers a new one instead of signing in.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/tickets\/login\/error/);
  await expect(page.getByRole("heading", { name: "This link can’t be used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
});

test("a bad email address gets a readable error and sends nothing", async ({ page }) => {
  await page.goto("/tickets/login");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await email.getAttribute("aria-describedby")}`)).toHaveText(/^Email .+/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toHaveCount(0);
});
