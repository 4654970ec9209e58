// Server side of signed ticket codes: per-event Ed25519 keys (private key encrypted at rest with a key
// derived from AUTH_SECRET; it never leaves the server), signing and verification.
import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
} from "node:crypto";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  bytesEqual,
  decodeTicketCode,
  encodeSignedPart,
  joinCodeBytes,
  toBase64Url,
} from "@/lib/tickets/ticket-code";

export function tag(id: string, length: number): Uint8Array {
  return new Uint8Array(createHash("sha256").update(id).digest().subarray(0, length));
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A ticket's identity as stored (Ticket.secretHash, RevokedSecret.secretHash): sha256 of the code's 89 bytes
 * (decodeTicketCode(code).bytes), hex. Never of the text: a code has one spelling, and its bytes one hash.
 */
export function ticketSecretHash(codeBytes: Uint8Array): string {
  return sha256Hex(codeBytes);
}

function wrappingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "stagedoor", "ticket-signing-keys", 32));
}

export function sealPrivateKey(pkcs8Der: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", wrappingKey(), iv);
  const body = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(
    ".",
  );
}

export function openPrivateKey(sealed: string): Buffer {
  const [version, iv, authTag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !authTag || !body) throw new Error("unrecognised sealed key");
  const decipher = createDecipheriv("aes-256-gcm", wrappingKey(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(authTag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]);
}

export interface EventSigningKey {
  keyId: number;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  privateKey: string;
}

const currentKeySelect = { keyId: true, publicKey: true, privateKey: true } as const;

function findCurrentEventKey(client: Db, event: { id: string; organizerId: string }) {
  return client.signingKey.findFirst({
    where: { eventId: event.id, organizerId: event.organizerId, retiredAt: null },
    orderBy: { keyId: "desc" },
    select: currentKeySelect,
  });
}

/**
 * The event's current signing key. createEvent makes it with the event; an event without one gets it here,
 * race-free: the insert happens only when no current key is visible, with the next key id; of concurrent
 * first payments (one transaction each), the unique (event, key id) lets one row in and the others wait for
 * it and do nothing (ON CONFLICT), and one that starts after the winner committed sees its key and inserts
 * nothing. All then read that one key (READ COMMITTED: each statement sees what committed before it). No
 * unique violation, no job retried. Pass the caller's transaction client.
 */
export async function getOrCreateEventKey(
  client: Db,
  event: { id: string; organizerId: string },
): Promise<EventSigningKey> {
  const existing = await findCurrentEventKey(client, event);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const sealed = sealPrivateKey(privateKey.export({ format: "der", type: "pkcs8" }));
  await client.$executeRaw`
    INSERT INTO tickets_signing_keys (id, key_id, organizer_id, event_id, public_key, private_key)
    SELECT ${randomUUID()},
           COALESCE((SELECT MAX(key_id) FROM tickets_signing_keys WHERE event_id = ${event.id}), 0) + 1,
           ${event.organizerId}, ${event.id}, ${publicKey.export({ format: "jwk" }).x as string}, ${sealed}
    WHERE NOT EXISTS (
      SELECT 1 FROM tickets_signing_keys WHERE event_id = ${event.id} AND retired_at IS NULL)
    ON CONFLICT (event_id, key_id) DO NOTHING`;
  const created = await findCurrentEventKey(client, event);
  if (!created) throw new Error(`event ${event.id}: no signing key after creating one`);
  return created;
}

export interface SignedTicketCode {
  secret: string;
  secretHash: string;
  keyId: number;
}

export function signTicketCode(
  key: EventSigningKey,
  ids: { eventId: string; tierId: string },
): SignedTicketCode {
  const signed = encodeSignedPart({
    keyId: key.keyId,
    eventTag: tag(ids.eventId, 6),
    tierTag: tag(ids.tierId, 4),
    seed: new Uint8Array(randomBytes(12)),
  });
  const privateKey = createPrivateKey({ key: openPrivateKey(key.privateKey), format: "der", type: "pkcs8" });
  const bytes = joinCodeBytes(signed, new Uint8Array(sign(null, signed, privateKey)));
  return { secret: toBase64Url(bytes), secretHash: ticketSecretHash(bytes), keyId: key.keyId };
}

export type VerifyResult = { ok: true; keyId: number } | { ok: false; reason: "invalid" | "wrong_event" };

/** Verifies a scanned code against an event's public keys (server-side twin of the scanner's check). */
export function verifyTicketCode(
  code: string,
  event: { id: string; keys: { keyId: number; publicKey: string }[] },
): VerifyResult {
  const decoded = decodeTicketCode(code);
  if (!decoded) return { ok: false, reason: "invalid" };
  const key = event.keys.find((k) => k.keyId === decoded.keyId);
  const signatureOk =
    key !== undefined &&
    verify(
      null,
      decoded.signed,
      createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: key.publicKey }, format: "jwk" }),
      decoded.signature,
    );
  if (!signatureOk) return { ok: false, reason: "invalid" };
  if (!bytesEqual(decoded.eventTag, tag(event.id, 6))) return { ok: false, reason: "wrong_event" };
  return { ok: true, keyId: decoded.keyId };
}
