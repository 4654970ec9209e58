import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, whenHydrated } from "./support";

// The organizer portal as the demo team's manager sees it, on a phone and on a desktop (this spec runs in
// both projects): one-line header, tabbed event editor, sortable and searchable tables, dialogs, toasts, and
// every time shown with its zone named. Screenshots land in test-results/screenshots/<project>/.

const MANAGER = "manager@stagedoor.test";
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 0) < 640;

test("the portal's header, event editor and check-in page on the design system", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, request, MANAGER);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Hall Productions" })).toBeVisible();

  // The site header is one line: the brand and the navigation (a Menu on phones) share a row.
  const header = page.getByRole("banner");
  const brand = header.getByRole("link", { name: "Stagedoor", exact: true });
  const menu = header.getByRole("button", { name: "Menu" });
  const nav = header.getByRole("navigation", { name: "Main" });
  if (isPhone(page)) {
    await expect(nav).toBeHidden();
    await whenHydrated(menu);
    await menu.click();
    const items = page.getByRole("menuitem");
    await expect(items.filter({ hasText: "Events" })).toBeVisible();
    await expect(items.filter({ hasText: `Account (${MANAGER})` })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(items).toHaveCount(0);
  } else {
    await expect(menu).toBeHidden();
    await expect(nav.getByRole("link", { name: MANAGER })).toBeVisible();
  }
  const [brandBox, headerBox] = [await brand.boundingBox(), await header.boundingBox()];
  const otherBox = await (isPhone(page) ? menu : nav).boundingBox();
  expect(brandBox && otherBox && headerBox).toBeTruthy();
  // Same line: the two boxes overlap vertically, and the header is no taller than one row of controls.
  expect(Math.abs(brandBox!.y + brandBox!.height / 2 - (otherBox!.y + otherBox!.height / 2))).toBeLessThan(
    12,
  );
  expect(headerBox!.height).toBeLessThan(80);
  await expectAccessible(page, "portal-overview");

  // The event editor: sections as tabs, the open one in the URL (a reload keeps it).
  await page.getByRole("navigation", { name: "Organizer" }).getByRole("link", { name: "Events" }).click();
  await page.getByRole("link", { name: "The Night Owls — Demo Night" }).first().click();
  const sections = page.getByRole("tablist", { name: "Event sections" });
  await whenHydrated(sections);
  await expect(sections.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("form", { name: "Event details" })).toBeVisible();
  await sections.getByRole("tab", { name: "Discount codes" }).click();
  await expect(page).toHaveURL(/[?&]tab=discounts/);
  await expect(page.getByRole("form", { name: "Event details" })).toBeHidden();
  const codes = page.getByRole("table", { name: "Discount codes" });
  await expect(codes.getByRole("cell", { name: "DEMO10" })).toBeVisible();
  await page.reload();
  await expect(sections.getByRole("tab", { name: "Discount codes" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  // Searching the codes filters the table; a search that matches nothing says so and offers to clear it.
  await whenHydrated(codes);
  await page.getByLabel("Search codes").fill("nothing-like-this");
  await expect(page.getByText("Nothing matches “nothing-like-this”.")).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(codes.getByRole("cell", { name: "DEMO10" })).toBeVisible();
  await expectAccessible(page, "event-editor-discounts");
  await sections.getByRole("tab", { name: "Tickets" }).click();
  await expect(page.getByRole("cell", { name: "General Admission", exact: true })).toBeVisible();
  await expectAccessible(page, "event-editor-tickets");

  // The check-in page: progress, and the device and scan tables with sortable headers and search.
  await page.getByRole("link", { name: "Check-in and scanners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Check-in:/ })).toBeVisible();
  const scans = page.getByRole("table", { name: "Recent scans" });
  await expect(scans.getByRole("row")).not.toHaveCount(0);
  const holderHeader = scans.getByRole("columnheader", { name: /Holder/ });
  await holderHeader.getByRole("button").click();
  await expect(holderHeader).toHaveAttribute("aria-sort", "ascending");
  await holderHeader.getByRole("button").click();
  await expect(holderHeader).toHaveAttribute("aria-sort", "descending");
  await page.getByLabel("Search scans").fill("Demo Fan 2");
  await expect(scans.getByRole("row")).toHaveCount(2); // the header row and Demo Fan 2's scan
  const devices = page.getByRole("table", { name: "Scanner devices" });
  await expect(devices.getByRole("cell", { name: /Front door/ })).toBeVisible();
  await expectAccessible(page, "checkin-page");

  // A destructive action asks first, in a dialog that names what happens; Cancel leaves things as they were.
  await devices.getByRole("button", { name: "Revoke" }).first().click();
  const dialog = page.getByRole("dialog", { name: /^Revoke .+\?$/ });
  await expect(dialog).toContainText("stops working at its next sync");
  await expectAccessible(page, "revoke-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(devices.getByRole("cell", { name: "active" }).first()).toBeVisible();
  // Check-in times are the event's (Vancouver), with the zone named.
  await expect(page.getByText(/^Updated .*\bP[SD]T$/)).toBeVisible();

  // Orders: search by a buyer's email, filter by status, times in the event's zone with the zone named.
  await page.getByRole("navigation", { name: "Organizer" }).getByRole("link", { name: "Orders" }).click();
  const search = page.getByRole("form", { name: "Search orders" });
  const orders = page.getByRole("table", { name: "Orders" });
  await search.getByLabel("Search", { exact: true }).fill("fan3@example.test");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=fan3%40example\.test/);
  await expect(orders.getByRole("row")).toHaveCount(2); // the header row and Demo Fan 3's order
  await expect(orders).toContainText("Demo Fan 3");
  await expect(orders.locator("time").first()).toHaveText(/\d{2}:\d{2} P[SD]T$/);
  await search.getByLabel("Search", { exact: true }).fill("");
  await search.getByLabel("Status").selectOption({ label: "Refunded" });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]status=refunded/);
  const refundedRows = orders.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(refundedRows).not.toHaveCount(0);
  for (const row of await refundedRows.all()) await expect(row).toContainText("Refunded");
  await expectAccessible(page, "orders-filtered");

  // The refund form says where its message goes, and keeps the team's note apart.
  await search.getByLabel("Status").selectOption({ label: "Paid" });
  await search.getByRole("button", { name: "Search" }).click();
  await orders.getByRole("row").nth(1).getByRole("link").first().click();
  const refund = page.getByRole("form", { name: "Refund" });
  await expect(refund.getByLabel("Message to the buyer")).toBeVisible();
  await expect(refund).toContainText("Emailed to ");
  await expect(refund).toContainText("It is not sent to the buyer.");
  await expect(page.getByText(/\d{2}:\d{2} P[SD]T/).first()).toBeVisible();
  await expectAccessible(page, "order-detail");
});
