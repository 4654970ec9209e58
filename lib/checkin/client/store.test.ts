// The scanner's store on an in-memory IndexedDB (fake-indexeddb): chunk records, generations, compaction,
// recovery. The browser journeys (e2e/checkin*.spec.ts) cover the same code in Chromium.
import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DB_NAME,
  loadTickets,
  openStore,
  openTicketWriter,
  pendingScans,
  readSyncState,
  resetStore,
  saveTicketChanges,
  StoreCorruptError,
  writeDevice,
  type CheckinDb,
} from "./store";
import { buildContext, DEDUPE_MS, Scanner } from "./scanner";
import { DEVICE, fullSync, page, queued, range, state, TEST_EVENT } from "./test-store";
import { codeHashOf } from "./verify";
import { makeTestCode, testTicket } from "./test-ticket";

let dbCount = 0;
const freshName = () => `${DB_NAME}-test-${++dbCount}`;

async function reopen(db: CheckinDb, name: string) {
  db.close();
  return openStore(name);
}

describe("scanner store", () => {
  it("keeps a full snapshot as one record per page and reads it back into memory after a restart", async () => {
    const name = freshName();
    let db = await openStore(name);
    await fullSync(db, [page(range(0, 3)), page(range(3, 5), [{ codeHash: "dead", reason: "refunded" }])]);
    expect((await loadTickets(db)).size).toBe(5);
    expect(await db.count("chunks")).toBe(2);

    db = await reopen(db, name);
    const list = await loadTickets(db);
    expect(list.size).toBe(5);
    expect(list.find("hash-3")).toEqual(testTicket(3));
    expect(list.revocation("dead")).toBe("refunded");
    expect((await readSyncState(db))?.cursor).toBe("c1");
    db.close();
  });

  it("leaves the previous list whole when a full snapshot is cut short, and drops its pages next time", async () => {
    const name = freshName();
    let db = await openStore(name);
    await fullSync(db, [page(range(0, 4))]);

    const cut = await openTicketWriter(db, true);
    await cut.add(page(range(100, 102)));
    expect((await loadTickets(db)).find("hash-0")).toBeDefined();
    db = await reopen(db, name);
    expect((await loadTickets(db)).size).toBe(4);

    await fullSync(db, [page(range(200, 201)), page(range(201, 203))], "c2");
    expect(await db.count("chunks")).toBe(2);
    const list = await loadTickets(db);
    expect(list.size).toBe(3);
    expect(list.find("hash-0")).toBeUndefined();
    expect(list.find("hash-100")).toBeUndefined();
    db = await reopen(db, name);
    expect((await loadTickets(db)).size).toBe(3);
    db.close();
  });

  it("merges changes at once, keeps them across a restart and compacts once they pile up", async () => {
    const name = freshName();
    let db = await openStore(name);
    await fullSync(db, [page(range(0, 10))]);

    const delta = await openTicketWriter(db, false);
    await delta.add(
      page(
        [testTicket(1, { status: "refunded" }), testTicket(10)],
        [{ codeHash: "hash-1", reason: "refunded" }],
      ),
    );
    await delta.add(page([]));
    await delta.commit(state("c2"));
    expect(await db.count("chunks")).toBe(2);
    await saveTicketChanges(
      db,
      [testTicket(2, { admittedAt: "2030-12-27T20:05:00.000Z", admittedBy: "Door 2" })],
      [],
    );
    db = await reopen(db, name);
    let list = await loadTickets(db);
    expect(list.size).toBe(11);
    expect(list.find("hash-1")?.status).toBe("refunded");
    expect(list.revocation("hash-1")).toBe("refunded");
    expect(list.find("hash-2")?.admittedBy).toBe("Door 2");

    for (let i = 0; i < 60; i++) {
      const changes = await openTicketWriter(db, false);
      await changes.add(page([testTicket(3, { holderName: `Renamed ${i}` })]));
      await changes.commit(state(`c${i + 3}`));
    }
    expect(await db.count("chunks")).toBeLessThan(60);
    db = await reopen(db, name);
    list = await loadTickets(db);
    expect(list.size).toBe(11);
    expect(list.find("hash-3")?.holderName).toBe("Renamed 59");
    expect(list.find("hash-2")?.admittedBy).toBe("Door 2");
    expect((await readSyncState(db))?.cursor).toBe("c62");
    db.close();
  });

  it("a second tab of the app picks up a list the first one replaced before it writes changes", async () => {
    const name = freshName();
    const first = await openStore(name);
    const second = await openStore(name);
    await fullSync(first, [page(range(0, 3))]);
    expect((await loadTickets(second)).size).toBe(3);
    await fullSync(first, [page(range(10, 14))], "c2");

    const changes = await openTicketWriter(second, false);
    await changes.add(page([testTicket(20)]));
    await changes.commit(state("c3"));
    expect((await loadTickets(second)).size).toBe(5);
    const db = await reopen(first, name);
    expect((await loadTickets(db)).size).toBe(5);
    expect((await loadTickets(db)).find("hash-0")).toBeUndefined();
    second.close();
    db.close();
  });

  it("reports a damaged ticket list; a reset keeps the device, the scans and this device's admissions", async () => {
    const name = freshName();
    let db = await openStore(name);
    await writeDevice(db, DEVICE);
    await fullSync(db, [page(range(0, 2))]);
    await db.put("scans", queued("nonce-0001", "hash-0"));
    await db.put("admissions", {
      codeHash: "hash-0",
      at: "2030-12-27T20:00:00.000Z",
      by: "Door 1",
      ticketId: null,
    });
    const generation = (await readSyncState(db))?.generation ?? 0;
    await db.put("chunks", { tickets: "garbage" } as never, [generation, 0]);
    db = await reopen(db, name);
    await expect(loadTickets(db)).rejects.toBeInstanceOf(StoreCorruptError);

    db = await resetStore(db, name);
    expect(await db.get("meta", "device")).toEqual(DEVICE);
    expect((await db.getAll("scans")).map((s) => s.nonce)).toEqual(["nonce-0001"]);
    expect(await readSyncState(db)).toBeNull();
    expect((await loadTickets(db)).size).toBe(0);
    // Its own used-state survives: the same ticket again is still "already used" here after the re-sync.
    expect(await db.get("admissions", "hash-0")).toMatchObject({
      by: "Door 1",
      at: "2030-12-27T20:00:00.000Z",
    });
    await fullSync(db, [page(range(0, 2))]);
    const ctx = await buildContext(db, (await readSyncState(db))!);
    expect(await ctx.findLocalAdmission("hash-0")).toMatchObject({ by: "Door 1" });
    db.close();
  });

  it("upgrades a version 1 store: the device and the scan queue stay, the next sync is a full one", async () => {
    const name = freshName();
    await openOldStore(name, 1, (old, tx) => {
      old.createObjectStore("meta");
      old.createObjectStore("tickets", { keyPath: "secretHash" }).createIndex("byId", "id");
      old.createObjectStore("revocations", { keyPath: "secretHash" });
      old.createObjectStore("admissions", { keyPath: "secretHash" }).createIndex("byTicket", "ticketId");
      old.createObjectStore("scans", { keyPath: "nonce" }).createIndex("byPending", "pending");
      old.createObjectStore("notices", { keyPath: "key" });
      tx.objectStore("meta").put(
        { deviceToken: "t", device: { id: "d", name: "Door" }, event: { id: "e" } },
        "device",
      );
      tx.objectStore("meta").put({ cursor: "old" }, "sync");
      tx.objectStore("scans").put({ nonce: "nonce-0001", code: "CODE", pending: 1 });
    });
    const db = await openStore(name);
    expect([...db.objectStoreNames].sort()).toEqual(["admissions", "chunks", "meta", "notices", "scans"]);
    expect(await db.get("meta", "device")).toMatchObject({ device: { name: "Door" } });
    expect(await readSyncState(db)).toBeNull();
    expect(await db.count("scans")).toBe(1);
    db.close();
  });
});

/** Creates `name` at an earlier `version` of the store: `upgrade` makes its object stores and records. */
function openOldStore(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, tx: IDBTransaction) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name, version);
    open.onupgradeneeded = () => {
      if (open.transaction) upgrade(open.result, open.transaction);
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

/** Creates `name` at version 2 (code hashes of the code's text) and fills it with `fill`. */
function openVersion2(name: string, fill: (tx: IDBTransaction) => void): Promise<void> {
  return openOldStore(name, 2, (old, tx) => {
    old.createObjectStore("meta");
    old.createObjectStore("scans", { keyPath: "nonce" }).createIndex("byPending", "pending");
    old.createObjectStore("notices", { keyPath: "key" });
    old.createObjectStore("chunks");
    old.createObjectStore("admissions", { keyPath: "codeHash" }).createIndex("byTicket", "ticketId");
    fill(tx);
  });
}

/** How version 2 hashed a code: sha256 of its text. */
const textHash = (code: string) => createHash("sha256").update(code).digest("base64url");

describe("scanner store upgrade to hashes of the code's bytes", () => {
  it("drops the old list (next sync is full), re-hashes queued scans and keeps this device's used-state", async () => {
    const name = freshName();
    const [pendingCode, uploadedCode] = [makeTestCode(), makeTestCode()];
    const handTicket = testTicket(7, { codeHash: "old-hash-7" });
    await openVersion2(name, (tx) => {
      tx.objectStore("meta").put(DEVICE, "device");
      tx.objectStore("meta").put({ cursor: "old", eventTag: "000000000000", generation: 1 }, "sync");
      tx.objectStore("chunks").put({ tierIds: [], tickets: [], revocations: [] }, [1, 0]);
      const scans = tx.objectStore("scans");
      // Version 2's scans: no device or event named.
      const base = {
        scannedAt: "2030-12-27T20:00:00.000Z",
        deviceResult: "admitted",
        localOutcome: "valid",
        pending: 1,
      };
      scans.put({ ...base, nonce: "n-pending", code: pendingCode, codeHash: textHash(pendingCode) });
      scans.put({
        ...base,
        nonce: "n-uploaded",
        code: uploadedCode,
        codeHash: textHash(uploadedCode),
        pending: 0,
      });
      scans.put({ ...base, nonce: "n-hand", code: null, codeHash: "old-hash-7", ticketId: handTicket.id });
      const admissions = tx.objectStore("admissions");
      for (const [hash, ticketId] of [
        [textHash(pendingCode), null],
        [textHash(uploadedCode), "t-uploaded"],
        ["old-hash-7", handTicket.id],
      ] as const) {
        admissions.put({ codeHash: hash, at: "2030-12-27T20:00:00.000Z", by: "Door 1", ticketId });
      }
    });

    const db = await openStore(name);
    expect(await readSyncState(db)).toBeNull();
    expect(await db.count("chunks")).toBe(0);
    const [hPending, hUploaded] = [await codeHashOf(pendingCode), await codeHashOf(uploadedCode)];
    const scans = new Map((await db.getAll("scans")).map((s) => [s.nonce, s]));
    expect(scans.get("n-pending")).toMatchObject({
      code: pendingCode,
      codeHash: hPending,
      deviceId: "d1",
      eventId: "evt",
    });
    expect(scans.get("n-uploaded")).toMatchObject({ codeHash: hUploaded, pending: 0 });
    expect(scans.get("n-hand")).toMatchObject({ codeHash: "legacy:old-hash-7", ticketId: handTicket.id });
    expect((await db.getAll("admissions")).map((a) => [a.codeHash, a.ticketId, a.eventId]).sort()).toEqual(
      [
        [hPending, null, "evt"],
        [hUploaded, "t-uploaded", "evt"],
        ["legacy:old-hash-7", handTicket.id, "evt"],
      ].sort(),
    );
    expect(await pendingScans(db, "d1")).toHaveLength(2);

    // Scanning needs the new list; with it, this device's admissions are found again.
    const scanner = new Scanner(db, DEVICE);
    expect(await scanner.scan(pendingCode)).toBeNull();
    await fullSync(
      db,
      [page([testTicket(1, { codeHash: hPending! }), { ...handTicket, codeHash: "new-hash-7" }])],
      "c1",
      TEST_EVENT,
    );
    scanner.invalidate();
    expect(await scanner.scan(pendingCode, Date.now() + DEDUPE_MS)).toMatchObject({
      outcome: "already_used",
    });
    expect(await scanner.checkByHand({ ...handTicket, codeHash: "new-hash-7" })).toMatchObject({
      outcome: "already_used",
    });
    db.close();
  });
});
