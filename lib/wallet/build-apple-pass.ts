// An Apple Wallet event ticket (.pkpass) signed with the platform's pass certificate, built with
// passkit-generator: pass.json, the icons, manifest.json (SHA-1 of each file) and a detached PKCS #7 signature.
import "server-only";
import { PKPass } from "passkit-generator";
import type { AppleWalletConfig } from "@/lib/wallet/wallet-config";
import { WALLET_ICONS } from "@/lib/wallet/wallet-icons";
import type { WalletTicket } from "@/lib/wallet/wallet-ticket";

/** Wallet takes relevance intervals of at most 24 hours; a festival's pass is relevant from its start. */
const MAX_RELEVANCE_MS = 24 * 60 * 60 * 1000;

export function buildApplePass(ticket: WalletTicket, config: AppleWalletConfig): Buffer {
  const buffers = Object.fromEntries(
    Object.entries(WALLET_ICONS).map(([name, base64]) => [name, Buffer.from(base64, "base64")]),
  );
  const { event } = ticket;
  const location =
    event.latitude !== null && event.longitude !== null
      ? { latitude: event.latitude, longitude: event.longitude }
      : null;
  const pass = new PKPass(
    buffers,
    {
      wwdr: config.wwdr,
      signerCert: config.signerCert,
      signerKey: config.signerKey,
      signerKeyPassphrase: config.signerKeyPassphrase,
    },
    {
      passTypeIdentifier: config.passTypeIdentifier,
      teamIdentifier: config.teamIdentifier,
      serialNumber: ticket.ticketId,
      organizationName: ticket.organizerName,
      description: `Ticket for ${event.title}`,
      backgroundColor: "rgb(109, 40, 217)",
      foregroundColor: "rgb(255, 255, 255)",
      labelColor: "rgb(237, 233, 254)",
      sharingProhibited: true,
      semantics: {
        eventName: event.title,
        eventStartDate: event.startsAt.toISOString(),
        eventEndDate: event.endsAt.toISOString(),
        venueName: event.venueName,
        ...(location ? { venueLocation: location } : {}),
      },
    },
  );
  pass.type = "eventTicket";
  pass.headerFields.push({ key: "tier", label: "TICKET", value: ticket.tierName });
  pass.primaryFields.push({ key: "event", label: "EVENT", value: event.title });
  pass.secondaryFields.push(
    { key: "holder", label: "HOLDER", value: ticket.holderName },
    { key: "venue", label: "VENUE", value: event.venueName },
  );
  pass.auxiliaryFields.push(
    { key: "starts", label: "STARTS", value: event.startsAtLocal },
    { key: "code", label: "BOX OFFICE CODE", value: ticket.shortCode },
  );
  pass.backFields.push(
    { key: "order", label: "Order", value: ticket.orderReference },
    ...(event.address ? [{ key: "address", label: "Address", value: event.address }] : []),
    { key: "passes", label: "Your tickets", value: ticket.passesUrl },
    { key: "seller", label: "Sold by", value: `${ticket.organizerName} via Stagedoor` },
  );
  pass.setBarcodes({
    format: "PKBarcodeFormatQR",
    message: ticket.code,
    messageEncoding: "iso-8859-1",
    altText: ticket.shortCode,
  });
  const relevantUntil = new Date(
    Math.min(event.endsAt.getTime(), event.startsAt.getTime() + MAX_RELEVANCE_MS),
  );
  pass.setRelevantDates([{ startDate: event.startsAt, endDate: relevantUntil }]);
  if (location) pass.setLocations({ ...location, relevantText: `${event.title} at ${event.venueName}` });
  return pass.getAsBuffer();
}
