import { expect, test, type Page } from "@playwright/test";
import { buyTickets, expectAccessible, signIn, uniqueEmail, waitForEmail } from "./support";

async function gaSold(page: Page, eventId: string): Promise<number> {
  const response = await page.request.get(`/api/tickets/events/${eventId}/tiers`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { tiers: { name: string; sold: number }[] };
  return body.tiers.find((t) => t.name === "General Admission")?.sold ?? -1;
}

test("an organizer refunds one of two tickets: the pass turns void, the seat comes back, the buyer is emailed", async ({
  browser,
  page,
  request,
}) => {
  const buyerEmail = uniqueEmail("refund-buyer");
  const { orderId, passesUrl, eventId } = await buyTickets(page, { quantity: 2, email: buyerEmail });

  const owner = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const portal = await owner.newPage();
  await signIn(portal, request, "demo@stagedoor.test");
  const soldBefore = await gaSold(portal, eventId);

  await portal.goto(`/tickets/organizer/orders/${orderId}`);
  // One order number everywhere: the portal's reference is the one on the buyer's passes page.
  const reference = await portal.getByTestId("order-reference").textContent();
  await expectAccessible(portal, "organizer-order");
  expect(reference).toMatch(/^[A-Z0-9]{8}$/);

  // The orders list finds it by the start of its reference (a GET form: the search stays in the URL), and
  // names the zone of the time it was placed.
  await portal.goto("/tickets/organizer/orders");
  await portal.getByLabel("Search", { exact: true }).fill(`#${(reference ?? "").slice(0, 5).toLowerCase()}`);
  await portal.getByRole("button", { name: "Search" }).click();
  await expect(portal).toHaveURL(/[?&]q=%23/);
  const orders = portal.getByRole("table", { name: "Orders" });
  await expect(orders.getByRole("link", { name: reference ?? "" })).toBeVisible();
  await expect(orders.locator("time").first()).toHaveText(/\d{2}:\d{2} [A-Z]/);
  await expectAccessible(portal, "organizer-orders-search");
  await portal.getByLabel("Search", { exact: true }).fill("nobody-bought-this");
  await portal.getByRole("button", { name: "Search" }).click();
  await expect(portal.getByText("No orders match search “nobody-bought-this”.")).toBeVisible();
  await portal.getByRole("link", { name: "Clear filters and show all orders" }).click();
  await expect(orders).toBeVisible();
  await orders.getByRole("link", { name: reference ?? "" }).click();

  const form = portal.getByRole("form", { name: "Refund" });
  await form.getByLabel("Choose tickets").check();
  await form.getByRole("checkbox").nth(1).check();
  await form.getByLabel("Message to the buyer").fill("Cannot make it");
  await form.getByLabel("Internal note (optional)").fill("Asked at the box office");
  await form.getByRole("button", { name: "Refund", exact: true }).click();
  const refunds = portal.getByRole("table", { name: "Refunds" });
  await expect(refunds.getByText("Succeeded")).toBeVisible({ timeout: 20_000 });
  await expect(refunds.getByRole("cell", { name: "Asked at the box office" })).toBeVisible();
  await expect.poll(() => gaSold(portal, eventId), { timeout: 10_000 }).toBe(soldBefore - 1);
  await owner.close();

  await page.goto(passesUrl);
  await expect(page.getByTestId("order-reference")).toHaveText(reference ?? "");
  await expect(page.getByText("Refunded — not valid")).toHaveCount(1);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1);

  await waitForEmail(request, buyerEmail, "refund-issued");
});
