// The scan path on an in-memory IndexedDB: what reaches the queue, how durably, and text typed at the box
// office (codes and short codes).
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ticketShortCode } from "@/lib/orders/order-summary";
import { parseShortCode, Scanner } from "./scanner";
import { DB_NAME, openStore, pendingScans, type CheckinDb } from "./store";
import { DEVICE, fullSync, page, TEST_EVENT } from "./test-store";
import { makeTestCode, testTicket } from "./test-ticket";
import { codeHashOf } from "./verify";

let stores = 0;
async function syncedStore(tickets: Parameters<typeof page>[0]): Promise<CheckinDb> {
  const db = await openStore(`${DB_NAME}-scanner-${++stores}`);
  await fullSync(db, [page(tickets)], "c1", TEST_EVENT);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Scanner", () => {
  it("writes the scan queue (and the admission) with strict durability", async () => {
    const code = makeTestCode();
    const db = await syncedStore([testTicket(1, { codeHash: (await codeHashOf(code))! })]);
    const transaction = vi.spyOn(IDBDatabase.prototype, "transaction");
    expect(await new Scanner(db, DEVICE).scan(code)).toMatchObject({ outcome: "valid" });
    const writes = transaction.mock.calls.filter(
      ([stores, mode]) => mode === "readwrite" && [stores].flat().includes("scans"),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]?.[0]).toEqual(["scans", "admissions"]);
    expect(writes[0]?.[2]).toEqual({ durability: "strict" });
    db.close();
  });

  it("finds a ticket by the short code typed into Ticket code, with or without #, in any case", async () => {
    const ticket = testTicket(1, { id: "cmab12cd3zd5x14r8" });
    const db = await syncedStore([ticket, testTicket(2), testTicket(3)]);
    const scanner = new Scanner(db, DEVICE);
    expect(ticketShortCode(ticket.id)).toBe("ZD5X14R8");

    expect(await scanner.typed(" ZD5X14R8 ")).toEqual({
      verdict: expect.objectContaining({ outcome: "valid", ticketId: ticket.id, holderName: "Holder 1" }),
    });
    // Checked by hand, as after a look-up by name: queued by ticket id.
    expect(await pendingScans(db, DEVICE.device.id)).toEqual([
      expect.objectContaining({ code: null, ticketId: ticket.id, deviceResult: "admitted" }),
    ]);
    expect(await scanner.typed("#zd5x14r8")).toEqual({
      verdict: expect.objectContaining({ outcome: "already_used", ticketId: ticket.id }),
    });
    expect(await scanner.typed("ZD5X14R9")).toEqual({
      verdict: expect.objectContaining({ outcome: "invalid", message: expect.stringContaining("#ZD5X14R9") }),
    });
    db.close();
  });

  it("lists the tickets when several share the typed short code, and checks none of them", async () => {
    const a = testTicket(1, { id: "cmaaaaaaazd5x14r8" });
    const b = testTicket(2, { id: "cmbbbbbbbzd5x14r8" });
    const db = await syncedStore([a, b]);
    const typed = await new Scanner(db, DEVICE).typed("zd5x14r8");
    expect(typed?.matches?.map((t) => t.id).sort()).toEqual([a.id, b.id]);
    expect(await pendingScans(db, DEVICE.device.id)).toEqual([]);
    db.close();
  });

  it("checks a typed code as a scan (the typed text trimmed), other text as before", async () => {
    const code = makeTestCode();
    const db = await syncedStore([testTicket(1, { codeHash: (await codeHashOf(code))! })]);
    const scanner = new Scanner(db, DEVICE);
    expect((await scanner.typed(`  ${code}\n`))?.verdict).toMatchObject({
      outcome: "valid",
      holderName: "Holder 1",
    });
    expect((await scanner.typed("https://example.com/x"))?.verdict?.outcome).toBe("invalid");
    expect(parseShortCode("ZD5X14R")).toBeNull();
    db.close();
  });
});
