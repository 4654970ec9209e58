import { importSPKI, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { buildGoogleWalletLink, GOOGLE_WALLET_SAVE_URL } from "@/lib/wallet/build-google-wallet-link";
import { createTestGoogleWallet, walletTicketFixture } from "@/lib/wallet/testing";

const wallet = createTestGoogleWallet();

describe("buildGoogleWalletLink", () => {
  it("links to the save page with a JWT the service account's public key verifies", async () => {
    const ticket = walletTicketFixture();
    const link = await buildGoogleWalletLink(ticket, wallet.config, "https://tickets.example.com");
    expect(link.startsWith(GOOGLE_WALLET_SAVE_URL)).toBe(true);
    const jwt = link.slice(GOOGLE_WALLET_SAVE_URL.length);
    const { payload, protectedHeader } = await jwtVerify(
      jwt,
      await importSPKI(wallet.publicKeyPem, "RS256"),
      {
        issuer: wallet.config.serviceAccountEmail,
        audience: "google",
      },
    );
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.typ).toBe("savetowallet");
    expect(payload.origins).toEqual(["https://tickets.example.com"]);
    const body = payload.payload as {
      eventTicketClasses: Array<Record<string, unknown>>;
      eventTicketObjects: Array<Record<string, unknown>>;
    };
    const [ticketClass] = body.eventTicketClasses;
    const [object] = body.eventTicketObjects;
    expect(ticketClass).toMatchObject({
      id: `${wallet.config.issuerId}.event-${ticket.event.id}`,
      eventName: { defaultValue: { value: "Late Show" } },
      dateTime: { start: "2026-12-12T04:00:00.000Z", end: "2026-12-12T08:00:00.000Z" },
    });
    expect(object).toMatchObject({
      id: `${wallet.config.issuerId}.ticket-${ticket.ticketId}`,
      classId: ticketClass!.id,
      state: "ACTIVE",
      ticketHolderName: "Zoë Ngô",
      barcode: { type: "QR_CODE", value: ticket.code },
      locations: [{ latitude: 49.2635, longitude: -123.1007 }],
    });
  });

  it("is refused by another key (the signature is real)", async () => {
    const link = await buildGoogleWalletLink(walletTicketFixture(), wallet.config, "https://x.example");
    const other = createTestGoogleWallet();
    await expect(
      jwtVerify(link.slice(GOOGLE_WALLET_SAVE_URL.length), await importSPKI(other.publicKeyPem, "RS256")),
    ).rejects.toThrow();
  });
});
