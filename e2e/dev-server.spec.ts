// Under `next dev` the app works at both addresses it is served on, http://localhost and http://127.0.0.1,
// whichever APP_URL names: the page's scripts and live-reload socket are served to both (next.config.ts
// allowedDevOrigins), and writes from either count as same-origin (lib/http/route.ts isOwnOrigin).
import { expect, test } from "@playwright/test";
import { pickTickets, uniqueEmail } from "./support";

for (const hostname of ["127.0.0.1", "localhost"]) {
  test(`the event page opened at ${hostname} hydrates and its checkout (a write) goes through`, async ({
    page,
    baseURL,
  }) => {
    const url = new URL("/tickets/e/demo-night", baseURL);
    url.hostname = hostname;
    const blocked: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 403) blocked.push(response.url());
    });
    await page.goto(url.toString());
    const picker = page.getByRole("form", { name: "Buy tickets" });
    await pickTickets(picker, "General Admission", 2);
    await picker.getByLabel("Your name").fill("Dev Fan");
    await picker.getByLabel("Email for your tickets").fill(uniqueEmail("dev-fan"));
    await picker.getByRole("button", { name: "Continue to payment (2)" }).click();
    // The write went through: the payment page (on APP_URL's host, which builds the checkout's links).
    await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/tickets\/dev\/pay\//);
    await expect(page.getByTestId("hold-countdown")).toBeVisible();
    expect(blocked).toEqual([]);
  });
}
