import { expect, test } from "@playwright/test";
import { sameOrigin, signIn, uniqueEmail, waitForEmail } from "./support";

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
  // The demo organizer's owner adds a discount code to the demo event.
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, request, "demo@stagedoor.test");
  const events = await ownerPage.request.get("/api/tickets/events");
  expect(events.ok()).toBe(true);
  const list = (await events.json()) as { events: { id: string; slug: string }[] };
  const demo = list.events.find((e) => e.slug === "demo-night");
  if (!demo) throw new Error("demo event missing");
  const code = `FRIENDS${Date.now() % 100000}`;
  const created = await ownerPage.request.post(`/api/tickets/events/${demo.id}/discounts`, {
    data: { code, kind: "percent", percentBps: 2000 },
    ...sameOrigin(ownerPage),
  });
  expect(created.status()).toBe(201);
  await owner.close();

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

  // The test-mode payment page: 2 × $25 − 20% = $40, fee, GST 5% and PST 7% of $40.
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
