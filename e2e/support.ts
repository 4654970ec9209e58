import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/**
 * Checks the page as it is now (or only `include`, for a screen that lasts seconds) with axe-core (WCAG 2.x A
 * and AA rules): no serious or critical violation, and no horizontal overflow of the page. Also keeps a
 * full-page screenshot under test-results/screenshots/<project>/<name>.png (a CI artefact).
 */
export async function expectAccessible(page: Page, name: string, options: { include?: string } = {}) {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (options.include) axe.include(options.include);
  const { violations } = await axe.analyze();
  await page.screenshot({
    path: path.join(
      import.meta.dirname,
      "..",
      "test-results",
      "screenshots",
      test.info().project.name,
      `${name}.png`,
    ),
    fullPage: true,
  });
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${name}`).toEqual([]);
  // Nothing widens the page past the screen (a wide table scrolls inside its own frame instead).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
}

/**
 * Waits until React has hydrated the element (a form or button used before that does nothing, or submits
 * natively): instant on a production build, seconds on a page `next dev` has just compiled.
 */
export async function whenHydrated(element: Locator) {
  await expect
    .poll(
      () =>
        element.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__react"))).catch(() => false), // reloaded meanwhile (next dev does, after compiling): ask again
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Sets a tier's quantity in the event page's picker with its + stepper. */
export async function pickTickets(picker: Locator, tierName: string, quantity: number) {
  const add = picker.getByRole("button", { name: `Add one ${tierName} ticket` });
  await whenHydrated(add);
  for (let n = 1; n <= quantity; n++) {
    await add.click();
    await expect(picker.getByLabel(`${tierName} tickets`, { exact: true })).toHaveText(String(n));
  }
}

/** Headers for a write through `page.request`: the API refuses cookie-bearing writes without a same-origin Origin. */
export function sameOrigin(page: Page): { headers: Record<string, string> } {
  // A page that has not navigated yet (about:blank) would say "null": use the app's own origin then.
  const url = page.url().startsWith("http") ? page.url() : String(test.info().project.use.baseURL);
  return { headers: { origin: new URL(url).origin } };
}

/** A unique address per run, so journeys never collide with earlier data. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: string;
  text: string;
}

/**
 * Waits until the newest `template` message to `to` is delivered. Only the newest counts: an older one
 * (e.g. an already used sign-in link) must never stand in for a message still being sent.
 */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  template: string,
): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/tickets/dev/mailbox?to=${encodeURIComponent(to)}`);
        const body = (await response.json()) as { messages: MailboxMessage[] };
        const newest = body.messages.find((m) => m.template === template);
        found = newest?.status === "sent" ? newest : undefined;
        return found !== undefined;
      },
      { timeout: 15_000, message: `no ${template} email delivered to ${to}` },
    )
    .toBe(true);
  return found as MailboxMessage;
}

/** The sign-in link in a magic-link email's plain-text part. */
export function magicLinkFrom(message: { text: string }): string {
  const match = /https?:\/\/\S+\/api\/tickets\/auth\/callback\/email\S+/.exec(message.text);
  if (!match) throw new Error(`no sign-in link in: ${message.text}`);
  return match[0];
}

/** Signs `page` in as `email` through a real magic link read from the development mailbox. */
export async function signIn(
  page: Page,
  request: APIRequestContext,
  email: string,
  callbackPath = "/tickets/organizer",
) {
  await page.goto(`/tickets/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const message = await waitForEmail(request, email, "magic-link");
  await page.goto(magicLinkFrom(message));
}

/** A new user who signs in and creates an organizer; ends in the portal. */
export async function signInAsNewOrganizer(page: Page, request: APIRequestContext, name: string) {
  const email = uniqueEmail("owner");
  await signIn(page, request, email);
  await expect(page).toHaveURL(/\/tickets\/organizer\/new/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Slug").fill(`${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now()}`);
  await page.getByLabel("Currency").selectOption("cad");
  await page.getByLabel("Time zone").selectOption("America/Vancouver");
  await page.getByRole("button", { name: "Create organizer" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return email;
}

/** Buys `quantity` General Admission tickets to the demo event through the test-mode payment page. */
export async function buyTickets(
  page: Page,
  options: { quantity: number; email: string; discountCode?: string; eventSlug?: string; tierName?: string },
): Promise<{ orderId: string; passesUrl: string; eventId: string; total: string }> {
  await page.goto(`/tickets/e/${options.eventSlug ?? "demo-night"}`);
  const picker = page.getByRole("form", { name: "Buy tickets" });
  await pickTickets(picker, options.tierName ?? "General Admission", options.quantity);
  await picker.getByLabel("Your name").fill("Robin Fan");
  await picker.getByLabel("Email for your tickets").fill(options.email);
  if (options.discountCode) await picker.getByLabel("Discount code").fill(options.discountCode);
  await picker.getByRole("button", { name: `Continue to payment (${options.quantity})` }).click();
  await expect(page.getByText("Stripe test mode.")).toBeVisible();
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  const total = (await page.getByTestId("payment-total").textContent()) ?? "";
  await page.getByRole("button", { name: `Pay ${total}` }).click();
  await expect(page).toHaveURL(/\/tickets\/order\/[^?]+\?token=/);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(options.quantity, {
    timeout: 20_000,
  });
  const order = (await (
    await page.request.get(page.url().replace("/tickets/order/", "/api/tickets/orders/"))
  ).json()) as {
    event: { id: string };
  };
  return { orderId, passesUrl: page.url(), eventId: order.event.id, total };
}

/**
 * Every Content-Security-Policy violation the page reports from now on (Chromium logs each as "Refused to …
 * because it violates the following Content Security Policy directive"), and any the page's own listener saw.
 */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * A published event with one free tier, created through the API as the signed-in organizer (times: wall clock
 * in Vancouver, or instants).
 */
export async function publishedEvent(
  page: Page,
  title: string,
  times: { startsAt: string; endsAt: string } = { startsAt: "2030-12-27T20:00", endsAt: "2030-12-27T23:30" },
): Promise<{ id: string; slug: string; tierId: string }> {
  const created = await page.request.post("/api/tickets/events", {
    ...sameOrigin(page),
    data: {
      title,
      summary: "A show for the admin journey.",
      description: "",
      venueName: "The Loft",
      venueAddress: "123 Granville St",
      city: "Vancouver",
      region: "BC",
      country: "ca",
      timezone: "America/Vancouver",
      ...times,
      capacity: "",
      currency: "CAD",
      feeModel: "buyer_pays",
      allowRefundsUntil: "",
      stripeTaxEnabled: false,
      taxes: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; slug: string };
  const tier = await page.request.post(`/api/tickets/events/${event.id}/tiers`, {
    ...sameOrigin(page),
    data: { name: "Free entry", priceMinor: 0, capacity: 50 },
  });
  expect(tier.status(), await tier.text()).toBe(201);
  const tierId = ((await tier.json()) as { id: string }).id;
  const published = await page.request.post(`/api/tickets/events/${event.id}/publish`, sameOrigin(page));
  expect(published.status(), await published.text()).toBe(200);
  return { id: event.id, slug: event.slug, tierId };
}
