// Self-made signing material for wallet tests: a CA standing in for Apple's WWDR intermediate, a pass
// certificate it issued, and a Google service-account key. Nothing here is trusted by Apple or Google.
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import { vi } from "vitest";
import type { AppleWalletConfig, GoogleWalletConfig } from "@/lib/wallet/wallet-config";
import type { WalletTicket } from "@/lib/wallet/wallet-ticket";

function certificate(
  subject: string,
  publicKey: forge.pki.PublicKey,
  issuer: { name: string; key: forge.pki.rsa.PrivateKey },
  ca: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = forge.util.bytesToHex(forge.random.getBytesSync(8)).replace(/^[89a-f]/, "1");
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: "commonName", value: subject }]);
  cert.setIssuer([{ name: "commonName", value: issuer.name }]);
  cert.setExtensions([{ name: "basicConstraints", cA: ca }]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

export interface TestAppleWallet {
  config: AppleWalletConfig;
  /** The stand-in WWDR certificate, to verify the signature against. */
  caPem: string;
}

export function createTestAppleWallet(): TestAppleWallet {
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  const ca = certificate(
    "Test WWDR CA",
    caKeys.publicKey,
    { name: "Test WWDR CA", key: caKeys.privateKey },
    true,
  );
  const signerKeys = forge.pki.rsa.generateKeyPair(2048);
  const signer = certificate(
    "Pass Type ID: pass.dev.stagedoor.test",
    signerKeys.publicKey,
    { name: "Test WWDR CA", key: caKeys.privateKey },
    false,
  );
  const caPem = forge.pki.certificateToPem(ca);
  return {
    caPem,
    config: {
      passTypeIdentifier: "pass.dev.stagedoor.test",
      teamIdentifier: "TEAM123456",
      signerCert: forge.pki.certificateToPem(signer),
      signerKey: forge.pki.privateKeyToPem(signerKeys.privateKey),
      wwdr: caPem,
    },
  };
}

export interface TestGoogleWallet {
  config: GoogleWalletConfig;
  publicKeyPem: string;
  /** The service account's JSON key as Google issues it. */
  serviceAccountJson: string;
}

export function createTestGoogleWallet(): TestGoogleWallet {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const config = {
    issuerId: "3388000000012345678",
    serviceAccountEmail: "wallet@stagedoor-test.iam.gserviceaccount.com",
    privateKey: privatePem,
  };
  return {
    config,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    serviceAccountJson: JSON.stringify({
      type: "service_account",
      client_email: config.serviceAccountEmail,
      private_key: privatePem,
    }),
  };
}

export function walletTicketFixture(overrides: Partial<WalletTicket> = {}): WalletTicket {
  return {
    ticketId: "cmticket000000000000abcd",
    code: "SD1.2.AAECAwQFBgcICQoLDA0ODw.signature-bytes",
    shortCode: "0000ABCD",
    tierName: "General admission",
    holderName: "Zoë Ngô",
    orderReference: "ORDER123",
    organizerName: "Fox Cabaret",
    event: {
      id: "cmevent00000000000000001",
      title: "Late Show",
      startsAt: new Date("2026-12-12T04:00:00Z"),
      endsAt: new Date("2026-12-12T08:00:00Z"),
      startsAtLocal: "Fri, Dec 11, 2026, 8:00 PM PST",
      venueName: "Fox Cabaret",
      address: "2321 Main St, Vancouver, BC, CA",
      latitude: 49.2635,
      longitude: -123.1007,
    },
    passesUrl: "https://tickets.example.com/tickets/order/x?token=t",
    ...overrides,
  };
}

export function createTestWallets(): { apple: TestAppleWallet; google: TestGoogleWallet } {
  return { apple: createTestAppleWallet(), google: createTestGoogleWallet() };
}

/**
 * Sets both wallets' variables the way an operator would (PEM on one line with "\n" escapes, the JSON key as
 * base64). Call loadEnv() after; vi.unstubAllEnvs() undoes it.
 */
export function stubWalletEnv(wallets = createTestWallets()): void {
  const { apple, google } = wallets;
  const oneLine = (pem: string) => pem.trim().replace(/\r?\n/g, "\\n");
  vi.stubEnv("APPLE_WALLET_PASS_TYPE_ID", apple.config.passTypeIdentifier);
  vi.stubEnv("APPLE_WALLET_TEAM_ID", apple.config.teamIdentifier);
  vi.stubEnv("APPLE_WALLET_SIGNER_CERT", oneLine(apple.config.signerCert));
  vi.stubEnv("APPLE_WALLET_SIGNER_KEY", oneLine(apple.config.signerKey));
  vi.stubEnv("APPLE_WALLET_WWDR_CERT", oneLine(apple.config.wwdr));
  vi.stubEnv("GOOGLE_WALLET_ISSUER_ID", google.config.issuerId);
  vi.stubEnv("GOOGLE_WALLET_SERVICE_ACCOUNT", Buffer.from(google.serviceAccountJson).toString("base64"));
}
