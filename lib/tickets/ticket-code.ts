// The signed ticket code carried in the QR (pure: no crypto, no I/O; shared by the server and the scanner).
//
//   byte 0      version (1)
//   bytes 1-2   key id, uint16 big-endian: which of the event's public keys verifies the code
//   bytes 3-8   event tag: first 6 bytes of sha256(event id), so a scanner spots another event's code
//   bytes 9-12  tier tag: first 4 bytes of sha256(tier id), so an offline scanner can name the tier
//   bytes 13-24 seed: 12 random bytes, making every code unique and unguessable
//   bytes 25-88 Ed25519 signature over bytes 0-24 (the header is signed too: no downgrade tricks)
//
// The string form is base64url without padding (119 characters), and a code has exactly one spelling: text
// that is not the canonical encoding of its bytes (non-zero trailing bits, padding, whitespace, the standard
// alphabet) is not a code. A ticket's identity is its 89 bytes (their sha256: see codeIdentity), never the text.

export const TICKET_CODE_VERSION = 1;
export const SIGNED_LENGTH = 25;
export const SIGNATURE_LENGTH = 64;
export const CODE_LENGTH = SIGNED_LENGTH + SIGNATURE_LENGTH;
/** Characters of a code's text: base64url of 89 bytes, unpadded. */
export const CODE_TEXT_LENGTH = Math.ceil((CODE_LENGTH * 4) / 3);

export interface TicketCodeFields {
  keyId: number;
  eventTag: Uint8Array;
  tierTag: Uint8Array;
  seed: Uint8Array;
}

export interface DecodedTicketCode extends TicketCodeFields {
  /** All 89 bytes: what a ticket's identity (sha256) is computed from. */
  bytes: Uint8Array;
  signed: Uint8Array;
  signature: Uint8Array;
}

export function encodeSignedPart(fields: TicketCodeFields): Uint8Array {
  if (!Number.isInteger(fields.keyId) || fields.keyId < 0 || fields.keyId > 0xffff) {
    throw new RangeError("keyId must be a uint16");
  }
  if (fields.eventTag.length !== 6 || fields.tierTag.length !== 4 || fields.seed.length !== 12) {
    throw new RangeError("eventTag must be 6 bytes, tierTag 4 bytes and seed 12 bytes");
  }
  const out = new Uint8Array(SIGNED_LENGTH);
  out[0] = TICKET_CODE_VERSION;
  out[1] = fields.keyId >> 8;
  out[2] = fields.keyId & 0xff;
  out.set(fields.eventTag, 3);
  out.set(fields.tierTag, 9);
  out.set(fields.seed, 13);
  return out;
}

/** The code's 89 bytes: the signed part, then its signature. */
export function joinCodeBytes(signed: Uint8Array, signature: Uint8Array): Uint8Array {
  if (signed.length !== SIGNED_LENGTH || signature.length !== SIGNATURE_LENGTH) {
    throw new RangeError("bad signed part or signature length");
  }
  const raw = new Uint8Array(CODE_LENGTH);
  raw.set(signed, 0);
  raw.set(signature, SIGNED_LENGTH);
  return raw;
}

export function joinCode(signed: Uint8Array, signature: Uint8Array): string {
  return toBase64Url(joinCodeBytes(signed, signature));
}

/**
 * Parses a scanned string exactly as read; null for anything that is not a Stagedoor code spelt the one
 * canonical way (no trimming here: that belongs to the screens where people type).
 */
export function decodeTicketCode(code: string): DecodedTicketCode | null {
  if (code.length !== CODE_TEXT_LENGTH) return null;
  const raw = fromBase64Url(code);
  if (!raw || raw.length !== CODE_LENGTH || raw[0] !== TICKET_CODE_VERSION) return null;
  return {
    keyId: ((raw[1] ?? 0) << 8) | (raw[2] ?? 0),
    eventTag: raw.slice(3, 9),
    tierTag: raw.slice(9, 13),
    seed: raw.slice(13, 25),
    bytes: raw,
    signed: raw.slice(0, SIGNED_LENGTH),
    signature: raw.slice(SIGNED_LENGTH),
  };
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Strict base64url (unpadded): the bytes, or null unless `text` is exactly their canonical encoding (atob
 * alone would skip whitespace and ignore the unused low bits of the last character, so that several texts
 * gave the same bytes).
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let bytes: Uint8Array;
  try {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  return toBase64Url(bytes) === text ? bytes : null;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
