// A ticket sent to a friend, on a phone: the buyer transfers one of two tickets from the passes page, the
// recipient's email arrives in the dev mailbox with a link to their own pass (and nothing of the buyer's order),
// and a scanner that synced and then went offline shows the old code red TRANSFERRED and the new one green.
import { expect, test, type BrowserContext } from "@playwright/test";
import { buy, demoEventId, pixel, provisionedScanner, result, ticketCode, typeCode } from "./checkin-support";
import { expectAccessible, signIn, uniqueEmail, waitForEmail, whenHydrated } from "./support";

/** The recipient's link (`…/tickets/order/<id>/tickets/<ticketId>?token=…`) in their email's plain text. */
function ticketLinkFrom(message: { text: string }): { url: string; ticketId: string; token: string } {
  const match = /https?:\/\/[^\s[\]()<>"]+\/tickets\/order\/[\w-]+\/tickets\/([\w-]+)\?token=([\w-]+)/.exec(
    message.text,
  );
  if (!match?.[1] || !match[2]) throw new Error(`no ticket link in: ${message.text}`);
  return { url: match[0], ticketId: match[1], token: match[2] };
}

let ownerSession: Awaited<ReturnType<BrowserContext["storageState"]>>;
let eventId: string;

test.beforeAll(async ({ browser }, testInfo) => {
  const owner = await browser.newContext({ baseURL: String(testInfo.project.use.baseURL) });
  const ownerPage = await owner.newPage();
  // The demo team's manager: the owner's sign-in links (5 per 15 minutes) go to the check-in journeys.
  await signIn(ownerPage, ownerPage.request, "manager@stagedoor.test");
  eventId = await demoEventId(ownerPage);
  ownerSession = await owner.storageState();
  await owner.close();
});

test("a buyer sends a ticket to a friend: the friend's own pass by email, the old code TRANSFERRED at an offline scanner, the new one VALID", async ({
  browser,
  request,
}) => {
  test.slow();
  const buyerName = `Transfer Buyer ${Date.now().toString(36)}`;
  const friendName = "Bo Chen";
  const friendEmail = uniqueEmail("transfer-friend");
  const order = await buy(browser, 2, buyerName);
  const [sentId, keptId] = order.ticketIds as [string, string];
  // The code as the buyer has it (its QR answers 410 once transferred).
  const oldCode = await ticketCode(request, order, sentId);

  // A scanner synced before the transfer: it knows the old code as valid.
  const door = await provisionedScanner(browser, ownerSession, eventId, `Transfer door ${Date.now()}`);

  // The buyer, on their phone, sends the first pass to a friend.
  const buyerContext = await browser.newContext({ ...pixel });
  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto(`/tickets/order/${order.orderId}?token=${encodeURIComponent(order.token)}`);
  const sentPass = buyerPage.getByRole("article", { name: "Ticket 1 of 2" });
  const send = sentPass.getByRole("button", { name: "Send to a friend" });
  await whenHydrated(send);
  await send.click();
  const dialog = buyerPage.getByRole("dialog", { name: "Send this ticket to someone" });
  await dialog.getByLabel("Their email").fill("not-an-email");
  await dialog.getByLabel("Their name").fill(friendName);
  await dialog.getByRole("button", { name: "Send ticket" }).click();
  await expect(dialog.getByText("must be a single valid email address")).toBeVisible();
  await dialog.getByLabel("Their email").fill(friendEmail);
  await dialog.getByRole("button", { name: "Send ticket" }).click();
  await expect(dialog).toBeHidden();
  await expect(sentPass.getByRole("status")).toHaveText(`Transferred to ${friendName}`);
  await expect(buyerPage.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1);
  await expect(
    buyerPage.getByRole("article", { name: "Ticket 2 of 2" }).getByRole("img", { name: /QR code/ }),
  ).toBeVisible();
  await expectAccessible(buyerPage, "passes-after-transfer");

  // The friend's email arrives with a link to their own pass: one ticket, named for them, none of the buyer's.
  const message = await waitForEmail(request, friendEmail, "ticket-transferred");
  expect(message.subject).toContain(buyerName);
  const link = ticketLinkFrom(message);
  expect([sentId, keptId]).not.toContain(link.ticketId);
  const friendContext = await browser.newContext({ ...pixel });
  const friendPage = await friendContext.newPage();
  await friendPage.goto(link.url);
  await expect(friendPage.getByRole("heading", { name: "Your pass" })).toBeVisible();
  await expect(friendPage.getByRole("img", { name: /QR code for ticket/ })).toHaveCount(1);
  await expect(friendPage.getByTestId("pass")).toContainText(friendName);
  await expect(friendPage.getByRole("button", { name: "Send to a friend" })).toBeVisible();
  await expectAccessible(friendPage, "transferred-pass");
  // Their link opens neither the buyer's order nor the buyer's other ticket.
  const orderWithFriendLink = await request.get(
    `/api/tickets/orders/${order.orderId}?token=${encodeURIComponent(link.token)}`,
  );
  expect(orderWithFriendLink.status()).toBe(404);
  const keptWithFriendLink = await request.get(
    `/api/tickets/tickets/${keptId}/qrcode?format=png&token=${encodeURIComponent(link.token)}`,
  );
  expect(keptWithFriendLink.status()).toBe(404);
  const newCode = await ticketCode(request, { ...order, token: link.token }, link.ticketId);
  expect(newCode).not.toBe(oldCode);

  // The scanner syncs, then loses the network: the old code is red TRANSFERRED, the new one green.
  const { page: scanner, scanner: scannerContext } = door;
  const synced = scanner.waitForResponse(
    (r) => r.url().includes("/api/tickets/checkin/sync") && r.request().method() === "GET" && r.ok(),
  );
  await scanner.getByRole("button", { name: "Sync now" }).click();
  await synced;
  await expect(scanner.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await scannerContext.setOffline(true);
  await typeCode(scanner, oldCode);
  await expect(result(scanner)).toHaveAttribute("data-outcome", "transferred");
  await expect(result(scanner)).toContainText("TRANSFERRED");
  await expect(result(scanner)).toHaveClass(/ci-bad/);
  await result(scanner).click();
  await typeCode(scanner, newCode);
  await expect(result(scanner)).toHaveAttribute("data-outcome", "valid");
  await expect(result(scanner)).toContainText(`General Admission · ${friendName}`);
  await result(scanner).click();

  await Promise.all([buyerContext.close(), friendContext.close(), door.scanner.close(), door.owner.close()]);
});
