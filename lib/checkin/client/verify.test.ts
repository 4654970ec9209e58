import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { otherSpellings } from "@/lib/tickets/testing/code-spellings";
import { decodeTicketCode } from "@/lib/tickets/ticket-code";
import { makeTestCode, TEST_EVENT_KEY, testKeyPair, testTag } from "./test-ticket";
import {
  buildVerifyKeys,
  codeHashOf,
  toHex,
  verifyCode,
  type LocalAdmission,
  type LocalTicket,
  type VerifyContext,
} from "./verify";

/** The codeHash of a code made here (always a code). */
const hashOf = async (code: string) => (await codeHashOf(code)) as string;

const other = testKeyPair();

async function context(tickets: LocalTicket[] = [], revoked: Record<string, string> = {}) {
  const admissions = new Map<string, LocalAdmission>();
  const tiers = [
    { id: "tier_ga", name: "General Admission" },
    { id: "tier_vip", name: "VIP" },
  ];
  const ctx: VerifyContext = {
    eventTag: testTag("evt_1", 6),
    keys: await buildVerifyKeys([{ keyId: 1, publicKey: TEST_EVENT_KEY.publicKey }]),
    tiersByTag: new Map(tiers.map((t) => [toHex(testTag(t.id, 4)), t])),
    tiersById: new Map(tiers.map((t) => [t.id, t])),
    findTicket: async (h) => tickets.find((t) => t.codeHash === h),
    findRevocation: async (h) => (revoked[h] ? { reason: revoked[h] } : undefined),
    findLocalAdmission: async (h, ticketId) =>
      admissions.get(h) ?? [...admissions.values()].find((a) => ticketId && a.ticketId === ticketId),
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
    const code = makeTestCode();
    const hash = await hashOf(code);
    expect(hash).toBe(
      Buffer.from(createHash("sha256").update(decodeTicketCode(code)!.bytes).digest()).toString("base64url"),
    );
    const { ctx, admissions } = await context([ticket(code, hash)]);
    const first = await verifyCode(code, ctx);
    expect(first).toMatchObject({
      outcome: "valid",
      tierName: "VIP",
      holderName: "Robin Fan",
      codeHash: hash,
    });
    admissions.set(hash, { codeHash: hash, at: "2030-01-01T19:34:00", by: "Door 1" });
    const second = await verifyCode(code, ctx);
    expect(second.outcome).toBe("already_used");
    expect(second.message).toBe("Already scanned 7:34 PM");
    expect(second.admittedBy).toBe("Door 1");
  });

  it("admits a ticket sold after the last sync by its signature, naming the tier from the tag", async () => {
    const { ctx } = await context();
    const verdict = await verifyCode(makeTestCode({ tierId: "tier_ga" }), ctx);
    expect(verdict).toMatchObject({ outcome: "valid", tierName: "General Admission", bySignatureOnly: true });
  });

  it("refuses refunded, void, revoked; sends disputed to the box office", async () => {
    const a = makeTestCode();
    const b = makeTestCode();
    const c = makeTestCode();
    const d = makeTestCode();
    const [ha, hb, hc, hd] = await Promise.all([a, b, c, d].map(hashOf));
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

  it("says TRANSFERRED (not refunded or void) for a transferred ticket or a code revoked by a transfer", async () => {
    const [listed, revokedOnly, voided] = [makeTestCode(), makeTestCode(), makeTestCode()];
    const [hl, hr, hv] = await Promise.all([listed, revokedOnly, voided].map(hashOf));
    const { ctx } = await context(
      [ticket(listed, hl!, { status: "transferred" }), ticket(voided, hv!, { id: "t-void", status: "void" })],
      { [hr!]: "transferred", [hv!]: "event_cancelled" },
    );
    const verdict = await verifyCode(listed, ctx);
    expect(verdict).toMatchObject({ outcome: "transferred", holderName: "Robin Fan" });
    expect(verdict.message).toMatch(/^Do not admit/);
    expect((await verifyCode(revokedOnly, ctx)).outcome).toBe("transferred");
    expect((await verifyCode(voided, ctx)).outcome).toBe("void");
  });

  it("says INVALID for every other spelling of a valid, a used and a refunded code", async () => {
    const [valid, used, refunded, revoked] = [makeTestCode(), makeTestCode(), makeTestCode(), makeTestCode()];
    const [hValid, hUsed, hRefunded, hRevoked] = await Promise.all(
      [valid, used, refunded, revoked].map(hashOf),
    );
    const { ctx, admissions } = await context(
      [
        ticket(valid, hValid!, { id: "t-valid" }),
        ticket(used, hUsed!, { id: "t-used" }),
        ticket(refunded, hRefunded!, { id: "t-refunded", status: "refunded" }),
      ],
      { [hRevoked!]: "refunded" },
    );
    admissions.set(hUsed!, { codeHash: hUsed!, at: "2030-01-01T19:34:00", by: "Door 1", ticketId: "t-used" });
    expect((await verifyCode(valid, ctx)).outcome).toBe("valid");
    expect((await verifyCode(used, ctx)).outcome).toBe("already_used");
    expect((await verifyCode(refunded, ctx)).outcome).toBe("refunded");
    expect((await verifyCode(revoked, ctx)).outcome).toBe("refunded");
    for (const code of [valid, used, refunded, revoked]) {
      for (const other of otherSpellings(code)) {
        const verdict = await verifyCode(other, ctx);
        expect(verdict.outcome, JSON.stringify(other.slice(-4))).toBe("invalid");
        expect(await codeHashOf(other)).toBeNull();
      }
    }
  });

  it("finds this device's admission of a listed ticket by its id too (an admission kept across a re-hash)", async () => {
    const code = makeTestCode();
    const { ctx, admissions } = await context([ticket(code, await hashOf(code), { id: "t-by-hand" })]);
    admissions.set("legacy:old-hash", {
      codeHash: "legacy:old-hash",
      at: "2030-01-01T19:34:00",
      by: "Door 1",
      ticketId: "t-by-hand",
    });
    expect((await verifyCode(code, ctx)).outcome).toBe("already_used");
  });

  it("reports another event's code as wrong event", async () => {
    const { ctx } = await context();
    expect((await verifyCode(makeTestCode({ eventId: "evt_2", key: other }), ctx)).outcome).toBe(
      "wrong_event",
    );
  });

  it("says INVALID for forged, tampered, unknown-key and foreign codes without throwing", async () => {
    const { ctx } = await context();
    const forged = makeTestCode({ key: other });
    const good = makeTestCode();
    const tampered = `${good.slice(0, 40)}${good[40] === "A" ? "B" : "A"}${good.slice(41)}`;
    const inputs = [
      forged,
      tampered,
      makeTestCode({ keyId: 9 }),
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
