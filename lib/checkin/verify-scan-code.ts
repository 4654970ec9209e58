// Server-side check of a scanned string against the device's event: a code spelt the one canonical way, this
// event's tag, a key of the event, a valid Ed25519 signature. Public keys are parsed once per batch.
import "server-only";
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { tag, ticketSecretHash } from "@/lib/tickets/signing";
import { bytesEqual, decodeTicketCode } from "@/lib/tickets/ticket-code";

export type CodeCheck = { ok: true; secretHash: string } | { ok: false; reason: "invalid" | "wrong_event" };

/**
 * The ticket identity a scanned string names, as stored in Ticket.secretHash (sha256 of the decoded bytes);
 * null when the string is not a code spelt exactly the canonical way (it names no ticket: invalid).
 */
export function scannedCodeHash(code: string): string | null {
  const decoded = decodeTicketCode(code);
  return decoded ? ticketSecretHash(decoded.bytes) : null;
}

export function createCodeVerifier(event: { id: string; keys: { keyId: number; publicKey: string }[] }) {
  const eventTag = tag(event.id, 6);
  const keys = new Map<number, KeyObject>();
  for (const k of event.keys) {
    try {
      keys.set(
        k.keyId,
        createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.publicKey }, format: "jwk" }),
      );
    } catch {
      // An unusable stored key verifies nothing.
    }
  }
  return (code: string): CodeCheck => {
    const decoded = decodeTicketCode(code);
    if (!decoded) return { ok: false, reason: "invalid" };
    // Another event's code is signed with another key: tell "wrong event" apart from a forgery by its tag.
    if (!bytesEqual(decoded.eventTag, eventTag)) return { ok: false, reason: "wrong_event" };
    const key = keys.get(decoded.keyId);
    if (!key || !verify(null, decoded.signed, key, decoded.signature))
      return { ok: false, reason: "invalid" };
    return { ok: true, secretHash: ticketSecretHash(decoded.bytes) };
  };
}
