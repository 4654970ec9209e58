import { expect, test } from "@playwright/test";
import {
  publishedEvent,
  sameOrigin,
  signIn,
  signInAsNewOrganizer,
  uniqueEmail,
  waitForEmail,
  whenHydrated,
} from "./support";

// Issue 15's reminder proof: a ticket holder of an event starting within 24 hours gets one reminder with their
// passes link, however often the sweep runs (here twice from the admin's "Send due reminders now", beside
// the worker's own five-minute runs).

const ADMIN = "admin@stagedoor.test";
const HOUR = 60 * 60 * 1000;

test("a reminder run twice sends one email per holder, with a passes link that opens their tickets", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await signInAsNewOrganizer(page, request, `Reminder Hall ${Date.now()}`);
  const startsAt = new Date(Date.now() + 20 * HOUR);
  const event = await publishedEvent(page, "Tomorrow Night", {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
  });

  // Two comp tickets for a holder, issued by the platform admin (no payment needed for a free tier).
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, request, ADMIN, "/tickets/admin");
  const holder = uniqueEmail("reminded");
  const comp = await admin.request.post(`/api/tickets/admin/events/${event.id}/comps`, {
    ...sameOrigin(admin),
    data: {
      tierId: event.tierId,
      quantity: 2,
      recipientName: "Robin Fan",
      recipientEmail: holder,
      note: "reminder journey",
    },
  });
  expect(comp.status(), await comp.text()).toBe(201);
  await waitForEmail(request, holder, "order-confirmation");

  await admin.goto("/tickets/admin");
  const run = admin.getByRole("button", { name: "Send due reminders now" });
  await whenHydrated(run);
  for (let i = 0; i < 2; i++) {
    await run.click();
    await expect(admin.getByText(/^\d+ reminders? sent/)).toBeVisible();
  }

  const message = await waitForEmail(request, holder, "event-reminder");
  const mailbox = (await (
    await request.get(`/api/tickets/dev/mailbox?to=${encodeURIComponent(holder)}`)
  ).json()) as { messages: { template: string }[] };
  expect(mailbox.messages.filter((m) => m.template === "event-reminder")).toHaveLength(1);
  expect(message.text).toContain("Tomorrow Night");

  const link = /https?:\/\/\S+\/tickets\/order\/[\w-]+\?token=[\w-]+/.exec(message.text)?.[0] ?? "";
  await page.goto(link);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(2);
});
