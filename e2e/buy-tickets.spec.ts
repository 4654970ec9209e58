import { expect, test } from "@playwright/test";
import { collectCspViolations, expectAccessible, pickTickets, uniqueEmail, waitForEmail } from "./support";

interface MailboxMessage {
  id: string;
  template: string;
  status: string;
}

test("a buyer on a phone buys 2 tickets with a discount code and gets passes on the page and by email", async ({
  browser,
  page,
  request,
}) => {
  // The demo seed's code (10% off every tier), typed in lower case: codes are case-insensitive. (No organizer
  // sign-in here: the demo owner's sign-in links are rate-limited per address, and other journeys need them.)
  const code = "DEMO10";

  // Another buyer is paying for the last two VIP Balcony seats.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/tickets/e/demo-night");
  const otherPicker = otherPage.getByRole("form", { name: "Buy tickets" });
  await pickTickets(otherPicker, "VIP Balcony", 2);
  await otherPicker.getByLabel("Your name").fill("Early Bird");
  await otherPicker.getByLabel("Email for your tickets").fill(uniqueEmail("cart"));
  await otherPicker.getByRole("button", { name: "Continue to payment (2)" }).click();
  await expect(otherPage.getByText("Stripe test mode.")).toBeVisible();

  // The buyer, on a phone. Pages carry a CSP whose nonce is new on every request, on Next.js's scripts too.
  const cspViolations = collectCspViolations(page);
  const [one, two] = [await request.get("/tickets/e/demo-night"), await request.get("/tickets/e/demo-night")];
  const nonceOf = (csp = "") => /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
  const nonce = nonceOf(one.headers()["content-security-policy"]);
  expect(nonce).not.toBe("");
  expect(nonceOf(two.headers()["content-security-policy"])).not.toBe(nonce);
  expect(one.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(one.headers()["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(one.headers()["permissions-policy"]).toContain("camera=()");
  expect(await one.text()).toContain(`nonce="${nonce}"`);
  const email = uniqueEmail("buyer");
  await page.goto("/tickets/e/demo-night");
  // This server simulates payments (STRIPE_TEST_MODE=true): every page says so, on a phone too.
  const testMode = page.getByRole("status").filter({ hasText: "Test mode: payments are simulated" });
  await expect(testMode).toBeInViewport();
  const picker = page.getByRole("form", { name: "Buy tickets" });
  // Seats in another buyer's cart are not "sold out": they may come back when that hold runs out.
  const vip = picker.getByTestId("tier").filter({ hasText: "VIP Balcony" });
  await expect(vip.getByText("In other buyers' carts", { exact: true })).toBeVisible();
  await expect(vip.getByRole("status")).toHaveText(
    /All remaining tickets are in other buyers' carts — check back in 3[0-6] min\./,
  );
  await expect(vip.getByRole("button", { name: /Add one/ })).toHaveCount(0);
  // The other buyer gives up: the seats are back.
  await otherPage.getByRole("button", { name: "Cancel and go back" }).click();
  await expect(otherPage).toHaveURL(/checkout=cancelled/);
  await other.close();
  await expect(async () => {
    await page.reload();
    await expect(vip.getByText("Only 2 left")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await pickTickets(picker, "General Admission", 2);
  const fullTotal = (await picker.getByTestId("running-total").textContent()) ?? "";
  // Bad input gets words a buyer understands, beside the field it is about.
  await picker.getByLabel("Your name").fill("Robin Fan");
  await picker.getByLabel("Email for your tickets").fill("robin at example");
  await picker.getByRole("button", { name: "Continue to payment (2)" }).click();
  const emailField = picker.getByLabel("Email for your tickets");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toHaveAccessibleDescription(/Enter an email address like name@example\.com/);
  await emailField.fill(email);
  await expect(emailField).not.toHaveAttribute("aria-invalid");
  // The code is applied before paying: the running total drops by 10% of the tickets.
  await picker.getByLabel("Discount code").fill(code.toLowerCase());
  await picker.getByRole("button", { name: "Apply" }).click();
  await expect(picker.getByText(`Code ${code} applied.`)).toBeVisible();
  await expect(picker.getByTestId("running-discount")).toBeVisible();
  await expect(picker.getByTestId("tier").first().getByTestId("tier-breakdown")).toContainText("discount");
  const discounted = (await picker.getByTestId("running-total").textContent()) ?? "";
  expect(discounted).not.toBe(fullTotal);
  await expectAccessible(page, "event-page");
  // On a phone the Continue bar stays on screen while the buyer scrolls the tiers.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(picker.getByRole("button", { name: "Continue to payment (2)" })).toBeInViewport();
  await picker.getByRole("button", { name: "Continue to payment (2)" }).click();

  // The test-mode payment page: 2 × $25 − 10% = $45, fee, GST 5% and PST 7% of $45.
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  await expect(testMode).toBeVisible();
  await expect(page.getByRole("cell", { name: "Discount" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "GST" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "PST" })).toBeVisible();
  const total = (await page.getByTestId("payment-total").textContent()) ?? "";
  // What the event page said before payment is what is charged.
  expect(total).toBe(discounted);
  await expect(page.getByTestId("hold-countdown")).toContainText(/Seats held for you for (2\d|3[01]):\d\d/);
  await expectAccessible(page, "test-payment");
  await page.getByRole("button", { name: `Pay ${total}` }).click();

  // The passes page: confirming, then two passes with QR codes.
  await expect(page).toHaveURL(/\/tickets\/order\/[^?]+\?token=/);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByText(total).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Add to calendar" })).toBeVisible();
  await expectAccessible(page, "passes");
  // Back from the tickets to the payment page leads to the tickets again, not "nothing to pay".
  const passesUrl = page.url();
  await page.goBack();
  await expect(page).toHaveURL(passesUrl);
  const firstQr = page.getByRole("img", { name: /QR code for ticket/ }).first();
  await expect
    .poll(() => firstQr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(100);

  // The confirmation email: two inline QR images and a calendar file.
  const message = await waitForEmail(request, email, "order-confirmation");
  const detail = await request.get(`/api/tickets/dev/mailbox?to=${encodeURIComponent(email)}`);
  const body = (await detail.json()) as { messages: (MailboxMessage & { html: string })[] };
  const confirmation = body.messages.find((m) => m.id === message.id);
  expect(confirmation?.html.match(/src="cid:qr-/g)?.length).toBe(2);
  expect(confirmation?.html).toContain("Test mode: payments are simulated and no real money moves.");
  await page.goto(`/tickets/dev/mailbox/${message.id}`);
  await expect(page.getByText(/\.ics/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^ticket-.*\.png$/ })).toHaveCount(2);
  // The event page, the payment page, the passes with their QR images, the mailbox: no CSP violation.
  expect(cspViolations).toEqual([]);
});
