import { expect, test } from "@playwright/test";
import { decodeQrImage, readPdf } from "@/lib/tickets/testing/read-pdf";
import { ticketCode } from "./checkin-support";
import { buyTickets, expectAccessible, signIn, uniqueEmail, waitForEmail, whenHydrated } from "./support";

/** The first passes link (`…/tickets/order/<id>?token=…`) in an email's plain text. */
function passesLinkFrom(message: { text: string }): string {
  const match = /https?:\/\/[^\s[\]()<>"]+\/tickets\/order\/[\w-]+\?token=[\w-]+/.exec(message.text);
  if (!match) throw new Error(`no passes link in: ${message.text}`);
  return match[0];
}

test("a buyer signs in with the email they bought with and finds the order, asks for their tickets again and by email", async ({
  page,
  request,
}) => {
  // A fresh address: the demo owner's sign-in links are rate-limited per address and other journeys use them.
  const email = uniqueEmail("account-buyer");
  const { orderId } = await buyTickets(page, { quantity: 1, email });
  const reference = (await page.getByTestId("order-reference").textContent()) ?? "";
  expect(reference).toMatch(/^[A-Z0-9]{8}$/);
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await waitForEmail(request, email, "order-confirmation");

  // "Email my tickets again": a second confirmation reaches the mailbox.
  const resend = page.getByRole("button", { name: "Email my tickets again" });
  await whenHydrated(resend);
  await resend.click();
  await expect(page.getByText("We emailed your tickets again.")).toBeVisible();
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/tickets/dev/mailbox?to=${encodeURIComponent(email)}`);
        const body = (await response.json()) as { messages: { template: string; status: string }[] };
        return body.messages.filter((m) => m.template === "order-confirmation" && m.status === "sent").length;
      },
      { timeout: 15_000 },
    )
    .toBe(2);

  // Each pass downloads as its own PDF, whose QR code decodes back to the code the passes page shows.
  const pdfLink = page.getByRole("link", { name: /^PDF of ticket / });
  await expect(pdfLink).toHaveCount(1);
  const pdf = await request.get((await pdfLink.getAttribute("href")) ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const pages = await readPdf(new Uint8Array(await pdf.body()));
  expect(pages).toHaveLength(1);
  const token = new URL(page.url()).searchParams.get("token") ?? "";
  const order = (await (await request.get(`/api/tickets/orders/${orderId}?token=${token}`)).json()) as {
    tickets: { id: string }[];
  };
  const ticketId = order.tickets[0]!.id;
  const shown = await ticketCode(request, { orderId, token, ticketIds: [ticketId] }, ticketId);
  expect(decodeQrImage(pages[0]!.images[0]!)).toBe(shown);

  // The same address buys from a second organizer: the account shows both orders.
  const second = await buyTickets(page, {
    quantity: 2,
    email,
    eventSlug: "harbour-sessions",
    tierName: "General",
  });
  const secondReference = (await page.getByTestId("order-reference").textContent()) ?? "";
  const secondTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(secondTitle).not.toBe(title);

  // Signed in with the same address, the account lists both orders under upcoming events.
  await signIn(page, request, email, "/tickets/account");
  await expect(page).toHaveURL(/\/tickets\/account$/);
  await expect(page.getByRole("heading", { name: "Your tickets" })).toBeVisible();
  const upcoming = page.getByRole("list", { name: "Upcoming events" });
  const card = upcoming.getByRole("listitem").filter({ hasText: `Order ${reference}` });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading", { name: title })).toBeVisible();
  await expect(card.getByText("1 × General Admission")).toBeVisible();
  const secondCard = upcoming.getByRole("listitem").filter({ hasText: `Order ${secondReference}` });
  await expect(secondCard.getByRole("heading", { name: secondTitle })).toBeVisible();
  await expect(secondCard.getByText("2 × General")).toBeVisible();
  await expect(secondCard.getByText("Harbour Lights Society")).toBeVisible();
  expect(second.eventId).not.toBe("");
  await expectAccessible(page, "buyer-account");
  await card.getByRole("link", { name: `View tickets for ${title}, order ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/order/${orderId}\\?token=`));
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1);

  // Signed out, from the login page: "Find my tickets" emails a link that opens the order.
  await page.context().clearCookies();
  await page.goto("/tickets/login");
  await page.getByRole("link", { name: "Find my tickets" }).click();
  await expect(page).toHaveURL(/\/tickets\/find$/);
  await expect(page.getByRole("heading", { level: 1, name: "Find my tickets" })).toBeVisible();
  const form = page.getByRole("form", { name: "Find my tickets" });
  const submit = form.getByRole("button", { name: "Email me my tickets" });
  await whenHydrated(submit);
  await form.getByLabel("Email").fill(email.toUpperCase());
  await submit.click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible(page, "find-my-tickets");

  const message = await waitForEmail(request, email, "order-links");
  await page.goto(passesLinkFrom(message));
  await expect(page).toHaveURL(new RegExp(`/tickets/order/${orderId}\\?token=`));
  await expect(page.getByTestId("order-reference")).toHaveText(reference);
  await expect(page.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1);
});
