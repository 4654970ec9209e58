import { expect, test } from "@playwright/test";
import { expectAccessible, pickTickets, sameOrigin, signIn, uniqueEmail } from "./support";

// The platform admin (ADMIN_EMAILS in playwright.config.ts) replays a dead-lettered payment: the order
// becomes paid once, with one set of tickets, however often the replay is asked for.
test("an admin replays a dead-lettered checkout.session.completed and the order is paid once", async ({
  browser,
  page,
  request,
}) => {
  // A buyer reaches the test-mode payment page and stops there: the order waits for its payment.
  await page.goto("/tickets/e/demo-night");
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, "General Admission", 2);
  await picker.getByLabel("Your name").fill("Robin Fan");
  await picker.getByLabel("Email for your tickets").fill(uniqueEmail("dead-letter-buyer"));
  await picker.getByRole("button", { name: "Continue to payment (2)" }).click();
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  const payment = new URL(page.url());
  const orderId = decodeURIComponent(payment.pathname.split("/").pop() ?? "");
  const token = payment.searchParams.get("token") ?? "";
  const passesPath = `/tickets/order/${encodeURIComponent(orderId)}?token=${encodeURIComponent(token)}`;

  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const admin = await adminContext.newPage();
  await signIn(admin, request, "admin@stagedoor.test", "/tickets/admin/webhooks");
  await expect(admin.getByRole("heading", { name: "Stripe webhook events" })).toBeVisible();

  // Seed: the order's payment event stored as a dead letter (every processing attempt failed).
  const seeded = await admin.request.post("/api/tickets/admin/webhooks/test-dead-letter", {
    ...sameOrigin(admin),
    data: { orderId },
  });
  expect(seeded.status()).toBe(201);
  const { eventId } = (await seeded.json()) as { eventId: string };

  await admin.goto("/tickets/admin/webhooks?status=failed");
  const events = admin.getByRole("table", { name: "Webhook events" });
  const row = events.getByRole("row").filter({ hasText: eventId });
  await expect(row.getByText("failed", { exact: true })).toBeVisible();
  await expect(row.getByText("checkout.session.completed", { exact: true })).toBeVisible();
  await expectAccessible(admin, "admin-webhooks");
  await row.getByRole("link", { name: eventId }).click();

  await expect(admin.getByTestId("webhook-status")).toHaveText("failed");
  await expect(admin.getByTestId("webhook-payload")).toContainText(orderId);
  await admin.getByRole("button", { name: "Replay" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Replay" }).click();
  await expect
    .poll(
      async () => {
        await admin.reload();
        return admin.getByTestId("webhook-status").textContent();
      },
      { timeout: 20_000 },
    )
    .toBe("processed");
  await expect(admin.getByRole("button", { name: "Replay" })).toHaveCount(0);

  // A second replay (another admin's stale tab, a retry) is refused: nothing is processed twice.
  const again = await admin.request.post(
    `/api/tickets/admin/webhooks/${encodeURIComponent(eventId)}/replay`,
    {
      ...sameOrigin(admin),
    },
  );
  expect(again.status()).toBe(409);

  // The order is paid once: two passes for the buyer, two tickets in the admin's view.
  await page.goto(passesPath);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(2, { timeout: 20_000 });
  await admin.goto(`/tickets/admin/orders/${encodeURIComponent(orderId)}`);
  await expect(admin.getByTestId("order-status")).toHaveText("Paid");
  await expect(admin.getByRole("table", { name: "Tickets" }).getByRole("row")).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(2);
  await adminContext.close();
});
