import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  expectAccessible,
  publishedEvent,
  sameOrigin,
  signIn,
  signInAsNewOrganizer,
  whenHydrated,
} from "./support";

// The platform admin journey (issue 14 §5, §7): a non-admin gets the 404 page at /tickets/admin; an admin
// (ADMIN_EMAILS in playwright.config.ts) suspends and resumes an organizer — the organizer sees the banner and
// the public page says tickets are unavailable — then unpublishes an event with a reason; the organizer asks
// for review and the admin restores it. A visitor's report shows up for the admin. The organizer and event are
// the journey's own, so the demo data other journeys buy from is never suspended.

const ADMIN = "admin@stagedoor.test";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("an admin suspends and resumes an organizer and moderates an event; a non-admin gets 404", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const orgName = `Admin Journey ${Date.now()}`;
  await signInAsNewOrganizer(page, request, orgName);
  const event = await publishedEvent(page, `${orgName} Live`);

  // Not an admin: the admin portal does not exist for them, and neither does its API.
  const refused = await page.goto("/tickets/admin");
  expect(refused?.status()).toBe(404);
  await expect(page.getByText("This page could not be found.")).toBeVisible();
  expect((await page.request.get("/api/tickets/admin/organizers")).status()).toBe(404);

  const admin = await newPage(browser);
  await signIn(admin, request, ADMIN, "/tickets/admin");
  await expect(admin.getByRole("heading", { level: 1, name: "Platform admin" })).toBeVisible();
  const adminNav = admin.getByRole("navigation", { name: "Platform admin" });
  for (const tab of ["Overview", "Organizers", "Events", "Reports", "Audit log", "Webhooks", "Self-test"]) {
    await expect(adminNav.getByRole("link", { name: tab })).toBeVisible();
  }
  await expectAccessible(admin, "admin-overview");

  // Suspend: a reason is required, then the organizer's portal and the public page say so.
  await adminNav.getByRole("link", { name: "Organizers" }).click();
  const search = admin.getByLabel("Search organizers");
  await whenHydrated(search);
  await search.fill(orgName);
  const row = admin.getByRole("row").filter({ hasText: orgName });
  await row.getByRole("button", { name: "Suspend" }).click();
  const dialog = admin.getByRole("dialog", { name: `Suspend ${orgName}?` });
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(dialog.getByText("Give a reason")).toBeVisible();
  await dialog.getByLabel("Reason (the organizer sees it)").fill("Unverified venue booking");
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(row.getByTestId("organizer-status")).toHaveText("Suspended");
  await expect(row.getByText("Unverified venue booking")).toBeVisible();
  await expectAccessible(admin, "admin-organizers");

  await page.goto("/tickets/organizer");
  await expect(page.getByTestId("suspension-banner")).toContainText("Unverified venue booking");
  await page.goto(`/tickets/e/${event.slug}`);
  await expect(page.getByText("Tickets for this event are unavailable right now.")).toBeVisible();

  // Resume: sales and the portal are back to normal.
  await row.getByRole("button", { name: "Resume" }).click();
  await admin
    .getByRole("dialog", { name: `Resume ${orgName}?` })
    .getByRole("button", { name: "Resume" })
    .click();
  await expect(row.getByTestId("organizer-status")).toHaveText("Active");
  await page.goto("/tickets/organizer");
  await expect(page.getByTestId("suspension-banner")).toBeHidden();

  // A visitor reports the event; the admin sees the report.
  const visitor = await newPage(browser);
  await visitor.goto(`/tickets/e/${event.slug}`);
  const reportButton = visitor.getByRole("button", { name: "Report this event" });
  await whenHydrated(reportButton);
  await reportButton.click();
  const reportForm = visitor.getByRole("form", { name: "Report this event" });
  await reportForm.getByLabel("What is wrong?").selectOption("fraud");
  await reportForm.getByLabel("Details").fill("The venue says this show is not booked.");
  await reportForm.getByRole("button", { name: "Send report" }).click();
  await expect(visitor.getByText("The platform's team will look at it.")).toBeVisible();
  await adminNav.getByRole("link", { name: "Reports" }).click();
  await expect(admin.getByTestId("report").filter({ hasText: `${orgName} Live` })).toContainText(
    "The venue says this show is not booked.",
  );

  // Moderation: unpublish with a reason; the organizer sees it, cannot republish, and asks for review.
  await adminNav.getByRole("link", { name: "Events" }).click();
  await admin.getByLabel("Event or organizer").fill(orgName);
  await admin.getByRole("button", { name: "Show" }).click();
  const eventRow = admin.getByTestId("admin-event-row").filter({ hasText: `${orgName} Live` });
  await eventRow.getByRole("button", { name: "Unpublish" }).click();
  const unpublish = admin.getByRole("dialog", { name: `Unpublish ${orgName} Live?` });
  await unpublish.getByLabel("Reason (the organizer sees it)").fill("The lineup is not confirmed");
  await unpublish.getByRole("button", { name: "Unpublish" }).click();
  await expect(eventRow).toContainText("The lineup is not confirmed");

  await visitor.goto(`/tickets/e/${event.slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: "We can’t find this event" })).toBeVisible();
  await page.goto(`/tickets/organizer/events/${event.id}`);
  const notice = page.getByTestId("moderation-notice");
  await expect(notice).toContainText("The lineup is not confirmed");
  const republish = await page.request.post(`/api/tickets/events/${event.id}/publish`, sameOrigin(page));
  expect(republish.status()).toBe(409);
  const note = notice.getByLabel("What did you change?");
  await whenHydrated(note);
  await note.fill("Removed the unconfirmed acts");
  await notice.getByRole("button", { name: "Ask for review" }).click();
  await expect(notice.getByText("You asked for review.")).toBeVisible();

  // The admin sees the appeal and restores publication.
  await admin.goto("/tickets/admin/events?status=appealed");
  const appealed = admin.getByTestId("admin-event-row").filter({ hasText: `${orgName} Live` });
  await expect(appealed.getByTestId("appeal")).toContainText("Removed the unconfirmed acts");
  await appealed.getByRole("button", { name: "Restore publication" }).click();
  await expect(appealed).toBeHidden();
  await visitor.goto(`/tickets/e/${event.slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: `${orgName} Live` })).toBeVisible();

  // Every step is in the audit log.
  await admin.goto(`/tickets/admin/audit?entityType=event&entityId=${event.id}`);
  for (const action of ["tickets.event.moderated", "tickets.event.appealed", "tickets.event.restored"]) {
    await expect(admin.getByTestId("audit-entry").filter({ hasText: action })).toBeVisible();
  }
});
