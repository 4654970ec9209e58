// Local (offline) verification of a scanned ticket code. Pure apart from WebCrypto: runs in the browser and
// in Node (vitest, the benchmark). Order: decode (one canonical spelling) → event tag → key id → Ed25519
// signature → revocation (sha256 of the code's bytes) → ticket status → used-state (server's or this
// device's).
import type { CheckinTicket } from "@/lib/checkin/contract";
import { bytesEqual, decodeTicketCode, fromBase64Url, toBase64Url } from "@/lib/tickets/ticket-code";

export type ScanOutcome =
  "valid" | "already_used" | "refunded" | "void" | "transferred" | "disputed" | "wrong_event" | "invalid";

export type LocalTicket = CheckinTicket;

export interface LocalAdmission {
  codeHash: string;
  at: string;
  by: string;
  /** The ticket, once known (from the list, or the server's answer to the upload). */
  ticketId?: string | null;
  /** The event it was admitted to. */
  eventId?: string;
}

export interface TierInfo {
  id: string;
  name: string;
}

export interface VerifyContext {
  eventTag: Uint8Array;
  keys: Map<number, CryptoKey>;
  /** hex of the 4-byte tier tag → tier */
  tiersByTag: Map<string, TierInfo>;
  tiersById: Map<string, TierInfo>;
  findTicket(codeHash: string): Promise<LocalTicket | undefined>;
  findRevocation(codeHash: string): Promise<{ reason: string } | undefined>;
  /** This device's admission of the code, or of the ticket (`ticketId`: the list's ticket with that code). */
  findLocalAdmission(codeHash: string, ticketId?: string): Promise<LocalAdmission | undefined>;
}

export interface Verdict {
  outcome: ScanOutcome;
  /** One line for door staff. */
  message: string;
  codeHash?: string;
  ticketId?: string;
  tierName?: string;
  holderName?: string | null;
  admittedAt?: string;
  admittedBy?: string;
  /** Valid by signature only: the ticket was not in the last sync. */
  bySignatureOnly?: boolean;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Tags arrive as hex or base64url; returns the bytes (or null when neither fits the length). */
export function parseTag(text: string, length: number): Uint8Array | null {
  if (new RegExp(`^[0-9a-fA-F]{${length * 2}}$`).test(text)) return fromHex(text);
  const raw = fromBase64Url(text);
  return raw && raw.length === length ? raw : null;
}

/** A ticket's codeHash: sha256 of the code's 89 bytes, base64url (the server's secretHash, shorter). */
export async function codeHashOfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes));
  return toBase64Url(new Uint8Array(digest));
}

/** The codeHash of a code's text; null when it is not a code spelt the one canonical way. */
export async function codeHashOf(code: string): Promise<string | null> {
  const decoded = decodeTicketCode(code);
  return decoded ? codeHashOfBytes(decoded.bytes) : null;
}

export async function importEd25519Key(publicKey: string): Promise<CryptoKey | null> {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 32) return null;
  try {
    return await crypto.subtle.importKey("raw", new Uint8Array(raw), { name: "Ed25519" }, false, ["verify"]);
  } catch {
    return null;
  }
}

export async function buildVerifyKeys(
  keys: readonly { keyId: number; publicKey: string }[],
): Promise<Map<number, CryptoKey>> {
  const map = new Map<number, CryptoKey>();
  for (const k of keys) {
    const key = await importEd25519Key(k.publicKey);
    if (key) map.set(k.keyId, key);
  }
  return map;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** Checks `code` exactly as scanned (typed entry is trimmed by the screen, not here). */
export async function verifyCode(code: string, ctx: VerifyContext): Promise<Verdict> {
  const decoded = decodeTicketCode(code);
  if (!decoded) return { outcome: "invalid", message: "Not a Stagedoor ticket — Do not admit" };
  const key = ctx.keys.get(decoded.keyId);
  if (!bytesEqual(decoded.eventTag, ctx.eventTag)) {
    return { outcome: "wrong_event", message: "This ticket is for another event" };
  }
  if (!key) return { outcome: "invalid", message: "Unknown signing key — Do not admit" };
  let ok = false;
  try {
    ok = await crypto.subtle.verify(
      { name: "Ed25519" },
      key,
      new Uint8Array(decoded.signature),
      new Uint8Array(decoded.signed),
    );
  } catch {
    ok = false;
  }
  if (!ok) return { outcome: "invalid", message: "Forged or damaged code — Do not admit" };
  return verifyTicket(await codeHashOfBytes(decoded.bytes), ctx, ctx.tiersByTag.get(toHex(decoded.tierTag)));
}

/**
 * The rest of the checks, for a genuine code (`tierByTag`: the tier its tag names, for a ticket sold after
 * the last sync) or for a ticket of the list checked by hand: revocation, status, used-state.
 */
export async function verifyTicket(
  codeHash: string,
  ctx: VerifyContext,
  tierByTag?: TierInfo,
): Promise<Verdict> {
  const [revocation, ticket] = await Promise.all([ctx.findRevocation(codeHash), ctx.findTicket(codeHash)]);
  const local = await ctx.findLocalAdmission(codeHash, ticket?.id);
  const tier = (ticket && ctx.tiersById.get(ticket.tierId)) ?? tierByTag;
  const base = {
    codeHash,
    ticketId: ticket?.id,
    tierName: tier?.name ?? "Unknown tier",
    holderName: ticket?.holderName ?? null,
  };
  if (ticket?.status === "refunded") return { ...base, outcome: "refunded", message: "Do not admit" };
  if (ticket?.status === "transferred" || revocation?.reason === "transferred") {
    return {
      ...base,
      outcome: "transferred",
      message: "Do not admit — sent to someone else with a new code",
    };
  }
  if (ticket && ticket.status !== "valid") return { ...base, outcome: "void", message: "Do not admit" };
  if (revocation) {
    const refunded = /refund/i.test(revocation.reason);
    return {
      ...base,
      outcome: refunded ? "refunded" : "void",
      message: `Do not admit (${refunded ? "refunded" : "void"})`,
    };
  }
  const usedAt = local?.at ?? ticket?.admittedAt ?? null;
  if (usedAt) {
    const by = local?.by ?? ticket?.admittedBy ?? "another device";
    return {
      ...base,
      outcome: "already_used",
      message: `Already scanned ${formatTime(usedAt)}`,
      admittedAt: usedAt,
      admittedBy: by,
    };
  }
  if (ticket?.disputed) return { ...base, outcome: "disputed", message: "Send to box office" };
  return {
    ...base,
    outcome: "valid",
    message: "Admit",
    bySignatureOnly: !ticket,
  };
}
