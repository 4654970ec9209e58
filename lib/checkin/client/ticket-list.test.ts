import { describe, expect, it } from "vitest";
import { isTicketChunk, TicketList, toTicketChunk } from "./ticket-list";
import { testTicket } from "./test-ticket";

describe("TicketList", () => {
  it("merges chunks by ticket id: later changes win, a reissued code replaces the old hash", () => {
    const list = new TicketList();
    list.apply(toTicketChunk([testTicket(1), testTicket(2), testTicket(3)]));
    list.apply(
      toTicketChunk(
        [
          testTicket(2, { status: "refunded" }),
          testTicket(3, {
            codeHash: "hash-3-new",
            admittedAt: "2030-01-01T20:00:00.000Z",
            admittedBy: "Door 2",
          }),
        ],
        [{ codeHash: "hash-2", reason: "refunded" }],
      ),
    );
    expect(list.size).toBe(3);
    expect(list.find("hash-1")).toEqual(testTicket(1));
    expect(list.find("hash-2")?.status).toBe("refunded");
    expect(list.revocation("hash-2")).toBe("refunded");
    expect(list.revocationCount).toBe(1);
    expect(list.find("hash-3")).toBeUndefined();
    expect(list.find("hash-3-new")).toMatchObject({ admittedBy: "Door 2", tierId: "tier_vip" });
    expect(list.findById(testTicket(3).id)?.codeHash).toBe("hash-3-new");
  });

  it("finds tickets by part of the name or email, and by short code first", () => {
    const list = new TicketList();
    list.apply(
      toTicketChunk([
        testTicket(1, { holderName: "Robin Fan", holderEmail: "robin@example.test" }),
        testTicket(2, { holderName: "Sam Late", holderEmail: "sam@fan.example" }),
        testTicket(3, { holderName: null, holderEmail: null }),
      ]),
    );
    expect(list.search("fan").map((t) => t.holderName)).toEqual(["Robin Fan", "Sam Late"]);
    expect(list.search("ROBIN@").map((t) => t.holderName)).toEqual(["Robin Fan"]);
    expect(list.search("f")).toEqual([]);
    const short = testTicket(3).id.slice(-8).toUpperCase();
    expect(list.search(short).map((t) => t.id)).toEqual([testTicket(3).id]);
    expect(list.search(`#${short.toLowerCase()}`).map((t) => t.id)).toEqual([testTicket(3).id]);
    // The search text follows changes.
    list.apply(toTicketChunk([testTicket(3, { holderName: "Alex Fanning" })]));
    expect(list.search("fan")).toHaveLength(3);
    expect(list.search("fan", 2)).toHaveLength(2);
  });

  it("writes itself out as chunks that read back the same", () => {
    const list = new TicketList();
    const tickets = Array.from({ length: 7 }, (_, i) => testTicket(i));
    list.apply(toTicketChunk(tickets, [{ codeHash: "dead", reason: "void" }]));
    const chunks = list.toChunks(3);
    expect(chunks.map((c) => c.tickets.length)).toEqual([3, 3, 1]);
    expect(chunks.every(isTicketChunk)).toBe(true);
    const copy = new TicketList();
    for (const c of structuredClone(chunks)) copy.apply(c);
    for (const t of tickets) expect(copy.find(t.codeHash)).toEqual(t);
    expect(copy.revocation("dead")).toBe("void");
    expect(new TicketList().toChunks(3)).toEqual([{ tierIds: [], tickets: [], revocations: [] }]);
  });

  it("tells a chunk record from anything else", () => {
    expect(isTicketChunk(toTicketChunk([testTicket(1)]))).toBe(true);
    expect(isTicketChunk("garbage")).toBe(false);
    expect(isTicketChunk({ tierIds: [], tickets: [{ id: "x" }], revocations: [] })).toBe(false);
  });
});
