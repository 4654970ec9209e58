// Test data for the client's tests: synced tickets (ticket n, odd numbers VIP, even GA) and real signed codes.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { CheckinTicket } from "@/lib/checkin/contract";
import { encodeSignedPart, joinCode } from "@/lib/tickets/ticket-code";

export function testTicket(n: number, patch: Partial<CheckinTicket> = {}): CheckinTicket {
  return {
    id: `cticket000000000000${String(n).padStart(6, "0")}`,
    tierId: n % 2 ? "tier_vip" : "tier_ga",
    holderName: `Holder ${n}`,
    holderEmail: `holder${n}@example.test`,
    status: "valid",
    disputed: false,
    codeHash: `hash-${n}`,
    admittedAt: null,
    admittedBy: null,
    ...patch,
  };
}

/** First `n` bytes of sha256(id): an event or tier tag. */
export const testTag = (id: string, n: number) =>
  new Uint8Array(createHash("sha256").update(id).digest().subarray(0, n));

export function testKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey: publicKey.export({ format: "jwk" }).x as string, privateKey };
}

/** The key of the tests' event "evt_1" (key id 1). */
export const TEST_EVENT_KEY = testKeyPair();

/** A real signed code (of event "evt_1", tier "tier_ga", key 1 unless told otherwise). */
export function makeTestCode(
  opts: { eventId?: string; tierId?: string; keyId?: number; key?: typeof TEST_EVENT_KEY } = {},
): string {
  const signed = encodeSignedPart({
    keyId: opts.keyId ?? 1,
    eventTag: testTag(opts.eventId ?? "evt_1", 6),
    tierTag: testTag(opts.tierId ?? "tier_ga", 4),
    seed: new Uint8Array(randomBytes(12)),
  });
  return joinCode(signed, new Uint8Array(sign(null, signed, (opts.key ?? TEST_EVENT_KEY).privateKey)));
}
