import { expect, test } from "@playwright/test";
import { uniqueEmail, waitForEmail } from "./support";

interface MailboxMessage {
  id: string;
  template: string;
  status: string;
}

test("a buyer on a phone buys 2 tickets with a discount code and gets passes on the page and by email", async ({
  page,
  request,
}) => {
  // The demo seed's code (10% off every tier), typed in lower case: codes are case-insensitive. (No organizer
  // sign-in here: the demo owner's sign-in links are rate-limited per address, and other journeys need them.)
  const code = "DEMO10";

  // The buyer, on a phone.
  const email = uniqueEmail("buyer");
  await page.goto("/tickets/e/demo-night");
  // This server simulates payments (STRIPE_TEST_MODE=true): every page says so, on a phone too.
  const testMode = page.getByRole("status").filter({ hasText: "Test mode: payments are simulated" });
  await expect(testMode).toBeInViewport();
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await picker.getByLabel(/General Admission/).selectOption("2");
  await picker.getByLabel("Your name").fill("Robin Fan");
  await picker.getByLabel("Email for your tickets").fill(email);
  await picker.getByLabel("Discount code").fill(code.toLowerCase());
  await picker.getByRole("button", { name: "Continue to payment (2)" }).click();

  // The test-mode payment page: 2 × $25 − 10% = $45, fee, GST 5% and PST 7% of $45.
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  await expect(testMode).toBeVisible();
  await expect(page.getByRole("cell", { name: "Discount" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "GST" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "PST" })).toBeVisible();
  const total = (await page.getByTestId("payment-total").textContent()) ?? "";
  await page.getByRole("button", { name: `Pay ${total}` }).click();

  // The passes page: confirming, then two passes with QR codes.
  await expect(page).toHaveURL(/\/tickets\/order\/[^?]+\?token=/);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByText(total).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Add to calendar" })).toBeVisible();
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
});
