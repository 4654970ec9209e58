import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  openPrivateKey,
  sealPrivateKey,
  signTicketCode,
  verifyTicketCode,
  type EventSigningKey,
} from "@/lib/tickets/signing";
import { CODE_LENGTH, decodeTicketCode, fromBase64Url, toBase64Url } from "@/lib/tickets/ticket-code";

function makeKey(keyId = 1): EventSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    keyId,
    publicKey: publicKey.export({ format: "jwk" }).x as string,
    privateKey: sealPrivateKey(privateKey.export({ format: "der", type: "pkcs8" })),
  };
}

describe("signed ticket codes", () => {
  const key = makeKey(7);
  const event = { id: "evt_1", keys: [{ keyId: key.keyId, publicKey: key.publicKey }] };

  it("round-trips: a signed code verifies for its event and carries the key id", () => {
    const code = signTicketCode(key, { eventId: "evt_1", tierId: "tier_a" });
    expect(code.secret).toHaveLength(Math.ceil((CODE_LENGTH * 4) / 3));
    expect(decodeTicketCode(code.secret)?.keyId).toBe(7);
    expect(verifyTicketCode(code.secret, event)).toEqual({ ok: true, keyId: 7 });
  });

  it("makes every code unique", () => {
    const codes = new Set(
      Array.from({ length: 200 }, () => signTicketCode(key, { eventId: "evt_1", tierId: "t" }).secret),
    );
    expect(codes.size).toBe(200);
  });

  it("rejects a code with any byte changed", () => {
    const { secret } = signTicketCode(key, { eventId: "evt_1", tierId: "tier_a" });
    const raw = fromBase64Url(secret);
    if (!raw) throw new Error("decode failed");
    for (const index of [0, 2, 5, 12, 20, 30, 88]) {
      const tampered = raw.slice();
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(verifyTicketCode(toBase64Url(tampered), event).ok).toBe(false);
    }
  });

  it("says wrong_event for a genuine code of another event signed with a key this event also lists", () => {
    const { secret } = signTicketCode(key, { eventId: "evt_other", tierId: "tier_a" });
    expect(verifyTicketCode(secret, event)).toEqual({ ok: false, reason: "wrong_event" });
  });

  it("rejects codes signed by an unknown key and garbage input without throwing", () => {
    const stranger = makeKey(7);
    const forged = signTicketCode(stranger, { eventId: "evt_1", tierId: "tier_a" });
    expect(verifyTicketCode(forged.secret, event)).toEqual({ ok: false, reason: "invalid" });
    for (const junk of ["", "hello", "https://example.com/ticket/123", "%%%", "A".repeat(119)]) {
      expect(verifyTicketCode(junk, event)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("keeps private keys sealed at rest and opens them again", () => {
    expect(key.privateKey.startsWith("v1.")).toBe(true);
    const opened = openPrivateKey(key.privateKey);
    expect(opened.length).toBeGreaterThan(32);
    const broken = key.privateKey.slice(0, -4) + "AAAA";
    expect(() => openPrivateKey(broken)).toThrow();
  });
});
