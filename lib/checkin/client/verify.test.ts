import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeSignedPart, joinCode } from "@/lib/tickets/ticket-code";
import {
  buildVerifyKeys,
  codeHashOf,
  toHex,
  verifyCode,
  type LocalTicket,
  type VerifyContext,
} from "./verify";

const tag = (id: string, n: number) =>
  new Uint8Array(createHash("sha256").update(id).digest().subarray(0, n));

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { publicKey: publicKey.export({ format: "jwk" }).x as string, privateKey };
}

const event = keyPair();
const other = keyPair();

function makeCode(opts: { eventId?: string; tierId?: string; keyId?: number; key?: typeof event } = {}) {
  const signed = encodeSignedPart({
    keyId: opts.keyId ?? 1,
    eventTag: tag(opts.eventId ?? "evt_1", 6),
    tierTag: tag(opts.tierId ?? "tier_ga", 4),
    seed: new Uint8Array(12).map(() => Math.floor(Math.random() * 256)),
  });
  const signature = sign(null, signed, (opts.key ?? event).privateKey);
  return joinCode(signed, new Uint8Array(signature));
}

async function context(tickets: LocalTicket[] = [], revoked: Record<string, string> = {}) {
  const admissions = new Map<string, { codeHash: string; at: string; by: string }>();
  const tiers = [
    { id: "tier_ga", name: "General Admission" },
    { id: "tier_vip", name: "VIP" },
  ];
  const ctx: VerifyContext = {
    eventTag: tag("evt_1", 6),
    keys: await buildVerifyKeys([{ keyId: 1, publicKey: event.publicKey }]),
    tiersByTag: new Map(tiers.map((t) => [toHex(tag(t.id, 4)), t])),
    tiersById: new Map(tiers.map((t) => [t.id, t])),
    findTicket: async (h) => tickets.find((t) => t.codeHash === h),
    findRevocation: async (h) => (revoked[h] ? { reason: revoked[h] } : undefined),
    findLocalAdmission: async (h) => admissions.get(h),
  };
  return { ctx, admissions };
}

function ticket(code: string, hash: string, patch: Partial<LocalTicket> = {}): LocalTicket {
  void code;
  return {
    codeHash: hash,
    id: "t1",
    tierId: "tier_vip",
    holderName: "Robin Fan",
    holderEmail: "robin@example.test",
    status: "valid",
    disputed: false,
    admittedAt: null,
    admittedBy: null,
    ...patch,
  };
}

describe("verifyCode", () => {
  it("admits a synced ticket with its tier and name, then reports it used", async () => {
    const code = makeCode();
    const hash = await codeHashOf(code);
    const { ctx, admissions } = await context([ticket(code, hash)]);
    const first = await verifyCode(code, ctx);
    expect(first).toMatchObject({
      outcome: "valid",
      tierName: "VIP",
      holderName: "Robin Fan",
      codeHash: hash,
    });
    admissions.set(hash, { codeHash: hash, at: "2030-01-01T19:34:00", by: "Door 1" });
    const second = await verifyCode(`  ${code}\n`, ctx);
    expect(second.outcome).toBe("already_used");
    expect(second.message).toBe("Already scanned 7:34 PM");
    expect(second.admittedBy).toBe("Door 1");
  });

  it("admits a ticket sold after the last sync by its signature, naming the tier from the tag", async () => {
    const { ctx } = await context();
    const verdict = await verifyCode(makeCode({ tierId: "tier_ga" }), ctx);
    expect(verdict).toMatchObject({ outcome: "valid", tierName: "General Admission", bySignatureOnly: true });
  });

  it("refuses refunded, void, revoked; sends disputed to the box office", async () => {
    const a = makeCode();
    const b = makeCode();
    const c = makeCode();
    const d = makeCode();
    const [ha, hb, hc, hd] = await Promise.all([a, b, c, d].map(codeHashOf));
    const { ctx } = await context(
      [
        ticket(a, ha!, { status: "refunded" }),
        ticket(b, hb!, { status: "void" }),
        ticket(c, hc!, { disputed: true }),
      ],
      { [hd!]: "refunded" },
    );
    expect((await verifyCode(a, ctx)).outcome).toBe("refunded");
    expect((await verifyCode(b, ctx)).outcome).toBe("void");
    expect((await verifyCode(c, ctx)).outcome).toBe("disputed");
    expect((await verifyCode(d, ctx)).outcome).toBe("refunded");
  });

  it("reports another event's code as wrong event", async () => {
    const { ctx } = await context();
    expect((await verifyCode(makeCode({ eventId: "evt_2", key: other }), ctx)).outcome).toBe("wrong_event");
  });

  it("says INVALID for forged, tampered, unknown-key and foreign codes without throwing", async () => {
    const { ctx } = await context();
    const forged = makeCode({ key: other });
    const good = makeCode();
    const tampered = `${good.slice(0, 40)}${good[40] === "A" ? "B" : "A"}${good.slice(41)}`;
    const inputs = [
      forged,
      tampered,
      makeCode({ keyId: 9 }),
      "https://example.com/ticket/123",
      "WIFI:S:venue;T:WPA;P:secret;;",
      "",
      "x".repeat(5000),
      "\u0000\u0001",
      good.slice(0, -2),
    ];
    for (const input of inputs) {
      expect((await verifyCode(input, ctx)).outcome, input.slice(0, 30)).toBe("invalid");
    }
  });
});
