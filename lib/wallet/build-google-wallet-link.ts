// "Save to Google Wallet": a JWT signed with the platform's service account key, carrying the event ticket
// class (the event) and object (this ticket) inline, opened at pay.google.com/gp/v/save/<jwt>. Google creates
// or updates both from the JWT; no API call is needed here.
import "server-only";
import { importPKCS8, SignJWT } from "jose";
import type { GoogleWalletConfig } from "@/lib/wallet/wallet-config";
import type { WalletTicket } from "@/lib/wallet/wallet-ticket";

export const GOOGLE_WALLET_SAVE_URL = "https://pay.google.com/gp/v/save/";

const text = (value: string) => ({ defaultValue: { language: "en", value } });

/** Google Wallet ids are `<issuer id>.<suffix>` with only letters, digits, '.', '_' and '-' in the suffix. */
function walletId(issuerId: string, suffix: string): string {
  return `${issuerId}.${suffix.replace(/[^\w.-]/g, "_")}`;
}

export async function buildGoogleWalletLink(
  ticket: WalletTicket,
  config: GoogleWalletConfig,
  origin: string,
): Promise<string> {
  const { event } = ticket;
  const classId = walletId(config.issuerId, `event-${event.id}`);
  const payload = {
    eventTicketClasses: [
      {
        id: classId,
        issuerName: ticket.organizerName,
        eventName: text(event.title),
        reviewStatus: "UNDER_REVIEW",
        venue: { name: text(event.venueName), address: text(event.address ?? event.venueName) },
        dateTime: { start: event.startsAt.toISOString(), end: event.endsAt.toISOString() },
      },
    ],
    eventTicketObjects: [
      {
        id: walletId(config.issuerId, `ticket-${ticket.ticketId}`),
        classId,
        state: "ACTIVE",
        ticketHolderName: ticket.holderName,
        ticketType: text(ticket.tierName),
        reservationInfo: { confirmationCode: ticket.orderReference },
        barcode: { type: "QR_CODE", value: ticket.code, alternateText: ticket.shortCode },
        linksModuleData: { uris: [{ uri: ticket.passesUrl, description: "Your tickets" }] },
        ...(event.latitude !== null && event.longitude !== null
          ? { locations: [{ latitude: event.latitude, longitude: event.longitude }] }
          : {}),
      },
    ],
  };
  const key = await importPKCS8(config.privateKey, "RS256");
  const jwt = await new SignJWT({ origins: [origin], typ: "savetowallet", payload })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(config.serviceAccountEmail)
    .setAudience("google")
    .setIssuedAt()
    .sign(key);
  return `${GOOGLE_WALLET_SAVE_URL}${jwt}`;
}
