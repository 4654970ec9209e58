import { unzipSync } from "fflate";
import { importSPKI, jwtVerify } from "jose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, routeContext } from "@/lib/auth/testing";
import { db } from "@/lib/db";
import { loadEnv } from "@/lib/env";
import { createPassesEvent, createPassesOrder } from "@/lib/orders/testing";
import { addMember, createOrganizerWithOwner } from "@/lib/testing/factories";
import { resetDatabase } from "@/lib/testing/db";
import { issueTicketsForOrder } from "@/lib/tickets/issue-tickets-for-order";
import { GOOGLE_WALLET_SAVE_URL } from "@/lib/wallet/build-google-wallet-link";
import { createTestWallets, stubWalletEnv } from "@/lib/wallet/testing";
import { GET as getApplePass } from "./apple-wallet/route";
import { GET as getGoogleLink } from "./google-wallet/route";

const { apple, google } = createTestWallets();
const configureWallets = () => {
  stubWalletEnv({ apple, google });
  loadEnv();
};

async function paidOrder() {
  const { organizer, owner } = await createOrganizerWithOwner();
  const { event, general } = await createPassesEvent(organizer.id);
  const { order, token } = await createPassesOrder(event, [{ tier: general, quantity: 2 }], {
    status: "paid",
  });
  await db.$transaction((tx) => issueTicketsForOrder(tx, order.id));
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
  return { organizer, owner, order, token, tickets };
}

type WalletGet = typeof getApplePass;
const call = (
  route: WalletGet,
  kind: string,
  orderId: string,
  ticketId: string,
  token?: string,
  cookie?: string,
) =>
  route(
    apiRequest(
      `/api/tickets/orders/${orderId}/tickets/${ticketId}/${kind}${token ? `?token=${token}` : ""}`,
      { cookie },
    ),
    routeContext({ id: orderId, ticketId }),
  );

describe("wallet passes", () => {
  beforeEach(resetDatabase);
  afterEach(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("answers 404 when the platform has no pass certificate or service account", async () => {
    const { order, token, tickets } = await paidOrder();
    expect((await call(getApplePass, "apple-wallet", order.id, tickets[0]!.id, token)).status).toBe(404);
    expect((await call(getGoogleLink, "google-wallet", order.id, tickets[0]!.id, token)).status).toBe(404);
  });

  it("gives the buyer a signed .pkpass whose barcode is the ticket's code", async () => {
    configureWallets();
    const { order, token, tickets } = await paidOrder();
    const response = await call(getApplePass, "apple-wallet", order.id, tickets[1]!.id, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["pass.json", "manifest.json", "signature"]));
    const pass = JSON.parse(Buffer.from(files["pass.json"]!).toString("utf8"));
    expect(pass.barcodes[0].message).toBe(tickets[1]!.secret);
    expect(pass.serialNumber).toBe(tickets[1]!.id);
  });

  it("redirects the buyer to Google Wallet with a JWT carrying the ticket's code", async () => {
    configureWallets();
    const { order, token, tickets } = await paidOrder();
    const response = await call(getGoogleLink, "google-wallet", order.id, tickets[0]!.id, token);
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location.startsWith(GOOGLE_WALLET_SAVE_URL)).toBe(true);
    const { payload } = await jwtVerify(
      location.slice(GOOGLE_WALLET_SAVE_URL.length),
      await importSPKI(google.publicKeyPem, "RS256"),
      { audience: "google" },
    );
    const objects = (payload.payload as { eventTicketObjects: Array<{ barcode: { value: string } }> })
      .eventTicketObjects;
    expect(objects[0]!.barcode.value).toBe(tickets[0]!.secret);
  });

  it("answers 404 for another order's ticket, a wrong token and a scanner; 410 for a refunded ticket", async () => {
    configureWallets();
    const { organizer, owner, order, token, tickets } = await paidOrder();
    const other = await paidOrder();
    for (const [route, kind, allowed] of [
      [getApplePass, "apple-wallet", 200],
      [getGoogleLink, "google-wallet", 303],
    ] as const) {
      expect((await call(route, kind, order.id, tickets[0]!.id, "nope-nope-nope-nope")).status).toBe(404);
      expect((await call(route, kind, order.id, other.tickets[0]!.id, token)).status).toBe(404);
      expect((await call(route, kind, other.order.id, tickets[0]!.id, other.token)).status).toBe(404);
      const scanner = await addMember(organizer.id, `door-${kind}@example.com`, "scanner");
      expect((await call(route, kind, order.id, tickets[0]!.id, undefined, scanner.cookie)).status).toBe(404);
      const team = await call(route, kind, order.id, tickets[0]!.id, undefined, owner.cookie);
      expect(team.status).toBe(allowed);
    }
    await db.ticket.update({ where: { id: tickets[0]!.id }, data: { status: "refunded" } });
    expect((await call(getApplePass, "apple-wallet", order.id, tickets[0]!.id, token)).status).toBe(410);
    expect((await call(getGoogleLink, "google-wallet", order.id, tickets[0]!.id, token)).status).toBe(410);
  });
});
