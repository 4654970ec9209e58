import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { buyTickets, expectAccessible, signIn, uniqueEmail, whenHydrated } from "./support";

// Issue 14's proof: a sale in test mode shows up on the open dashboard without a reload. The demo team's
// manager watches the organizer overview; a buyer in another browser context buys a ticket to the demo event
// through the test-mode payment page; the dashboard's figures change by polling alone.

const MANAGER = "manager@stagedoor.test";
const DEMO_EVENT = "The Night Owls — Demo Night";

test("a test-mode sale shows up on the open dashboard without a reload", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, request, MANAGER);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Hall Productions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sales across your events" })).toBeVisible();

  const events = page.getByRole("region", { name: "Sales per event" });
  const demoRow = events.getByRole("row").filter({ has: page.getByRole("link", { name: DEMO_EVENT }) });
  await expect(demoRow).toHaveCount(1);
  await whenHydrated(demoRow.getByRole("link", { name: DEMO_EVENT }));
  const ticketsCell = demoRow.getByRole("cell").nth(1);
  const ticketsBefore = Number(await ticketsCell.textContent());
  // The dashboard shows gross sales only once something sold; the demo seed may have none yet.
  const gross = page.locator('[data-figure="Gross sales"]').first();
  const grossBefore = (await gross.count()) > 0 ? await gross.textContent() : null;
  await expectAccessible(page, "dashboard");

  // Count navigations of the dashboard's page from here on: the update must come without one.
  let navigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });

  const buyer = await browser.newContext();
  const buyerPage = await buyer.newPage();
  const buyerEmail = uniqueEmail("dashboard-buyer");
  await buyTickets(buyerPage, { quantity: 1, email: buyerEmail });
  await buyer.close();

  await expect(ticketsCell).toHaveText(String(ticketsBefore + 1), { timeout: 20_000 });
  await expect(gross).toBeVisible();
  if (grossBefore !== null) await expect(gross).not.toHaveText(grossBefore);
  expect(navigations).toBe(0);
  await expect(page.getByText("before Stripe's processing fees").first()).toBeVisible();

  // The event's Sales tab: the same sale in its figures and its chart (an image with a table behind it).
  await demoRow.getByRole("link", { name: DEMO_EVENT }).click();
  await expect(page).toHaveURL(/tab=sales/);
  await expect(page.getByRole("tab", { name: "Sales" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("img", { name: /Tickets sold/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tickets sold" })).toBeAttached();
  await expect(page.getByRole("region", { name: "Tickets by tier" })).toContainText("General Admission");
  await expectAccessible(page, "event-sales");

  // The Exports tab: the attendees CSV downloads with the sale's ticket in it, the header first.
  await page.getByRole("tab", { name: "Exports" }).click();
  const link = page.getByRole("link", { name: "Attendees CSV" });
  await whenHydrated(link);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("demo-night-attendees.csv");
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  expect(header?.split(",")).toEqual(
    expect.arrayContaining(["holder name", "tier", "ticket status", "buyer email"]),
  );
  const mine = rows.filter((row) => row.includes(buyerEmail));
  expect(mine).toHaveLength(1);
  expect(mine[0]).toContain("General Admission");
  expect(mine[0]).toContain("valid");
  // The demo's refunded order is in the file too, marked refunded.
  expect(rows.some((row) => row.includes(",refunded,"))).toBe(true);
});
