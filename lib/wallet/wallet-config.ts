// Which wallet passes this platform can sign, read from the environment (lib/env). Secrets arrive as PEM or
// JSON text, with newlines written as "\n" (one-line env files) or as base64 of the whole text.
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";

export interface AppleWalletConfig {
  passTypeIdentifier: string;
  teamIdentifier: string;
  signerCert: string;
  signerKey: string;
  signerKeyPassphrase?: string;
  wwdr: string;
}

export interface GoogleWalletConfig {
  issuerId: string;
  serviceAccountEmail: string;
  privateKey: string;
}

const serviceAccountSchema = z.object({
  client_email: z.email(),
  private_key: z.string().includes("PRIVATE KEY"),
});

/** PEM or JSON as written in an env file: "\n" escapes made newlines, or decoded from base64. */
export function readSecretText(value: string, marker: string): string {
  const unescaped = value.replace(/\\n/g, "\n");
  if (unescaped.includes(marker)) return unescaped;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  if (decoded.includes(marker)) return decoded;
  throw new Error(`expected text containing "${marker}" (or base64 of it)`);
}

export function appleWalletConfig(): AppleWalletConfig | null {
  const { APPLE_WALLET_PASS_TYPE_ID, APPLE_WALLET_TEAM_ID } = env;
  const cert = env.APPLE_WALLET_SIGNER_CERT;
  const key = env.APPLE_WALLET_SIGNER_KEY;
  const wwdr = env.APPLE_WALLET_WWDR_CERT;
  if (!APPLE_WALLET_PASS_TYPE_ID || !APPLE_WALLET_TEAM_ID || !cert || !key || !wwdr) return null;
  return {
    passTypeIdentifier: APPLE_WALLET_PASS_TYPE_ID,
    teamIdentifier: APPLE_WALLET_TEAM_ID,
    signerCert: readSecretText(cert, "-----BEGIN CERTIFICATE-----"),
    signerKey: readSecretText(key, "PRIVATE KEY-----"),
    signerKeyPassphrase: env.APPLE_WALLET_SIGNER_KEY_PASSPHRASE,
    wwdr: readSecretText(wwdr, "-----BEGIN CERTIFICATE-----"),
  };
}

export function googleWalletConfig(): GoogleWalletConfig | null {
  const issuerId = env.GOOGLE_WALLET_ISSUER_ID;
  const serviceAccount = env.GOOGLE_WALLET_SERVICE_ACCOUNT;
  if (!issuerId || !serviceAccount) return null;
  const json = serviceAccountSchema.parse(JSON.parse(readSecretText(serviceAccount, '"private_key"')));
  return { issuerId, serviceAccountEmail: json.client_email, privateKey: json.private_key };
}

/** What the passes page offers, without reading any key material. */
export function walletOptions(): { apple: boolean; google: boolean } {
  return {
    apple: Boolean(env.APPLE_WALLET_PASS_TYPE_ID && env.APPLE_WALLET_SIGNER_CERT),
    google: Boolean(env.GOOGLE_WALLET_ISSUER_ID && env.GOOGLE_WALLET_SERVICE_ACCOUNT),
  };
}
