// The scanner's store on an in-memory IndexedDB (fake-indexeddb): chunk records, generations, compaction,
// recovery. The browser journeys (e2e/checkin*.spec.ts) cover the same code in Chromium.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { toSyncTicket, type CheckinTicket, type SyncResponse } from "@/lib/checkin/contract";
import {
  DB_NAME,
  loadTickets,
  openStore,
  openTicketWriter,
  readSyncState,
  resetStore,
  saveTicketChanges,
  StoreCorruptError,
  writeDevice,
  type CheckinDb,
  type SyncState,
} from "./store";
import { testTicket } from "./test-ticket";

let dbCount = 0;
const freshName = () => `${DB_NAME}-test-${++dbCount}`;

const TIERS = [
  { id: "tier_ga", name: "GA", tag: "00000000" },
  { id: "tier_vip", name: "VIP", tag: "11111111" },
];

type Page = Pick<SyncResponse, "tiers" | "tickets" | "revocations">;
function page(tickets: CheckinTicket[], revocations: Page["revocations"] = []): Page {
  const index = new Map(TIERS.map((t, i) => [t.id, i]));
  return {
    tiers: TIERS,
    tickets: tickets.map((t) => toSyncTicket(t, index.get(t.tierId) ?? 0)),
    revocations,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => testTicket(from + i));

function state(cursor: string): Omit<SyncState, "generation"> {
  return {
    event: {
      id: "evt",
      title: "Night",
      venueName: "Hall",
      startsAt: "2030-12-27T20:00:00.000Z",
      timezone: "UTC",
      status: "published",
    },
    eventTag: "000000000000",
    keys: [],
    tiers: TIERS,
    cursor,
    lastSyncedAt: "2030-12-27T19:00:00.000Z",
  };
}

async function fullSync(db: CheckinDb, pages: Page[], cursor = "c1") {
  const writer = await openTicketWriter(db, true);
  for (const p of pages) await writer.add(p);
  await writer.commit(state(cursor));
}

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

  it("reports a damaged ticket list, and a reset keeps the device and the unsent scans", async () => {
    const name = freshName();
    let db = await openStore(name);
    const device = {
      deviceToken: "token",
      device: { id: "d1", name: "Door 1" },
      event: { id: "evt", title: "Night" },
      provisionedAt: "2030-12-27T18:00:00.000Z",
    };
    await writeDevice(db, device);
    await fullSync(db, [page(range(0, 2))]);
    await db.put("scans", {
      nonce: "nonce-0001",
      code: "CODE",
      scannedAt: "2030-12-27T20:00:00.000Z",
      deviceResult: "admitted",
      localOutcome: "valid",
      codeHash: "hash-0",
      pending: 1,
    });
    const generation = (await readSyncState(db))?.generation ?? 0;
    await db.put("chunks", { tickets: "garbage" } as never, [generation, 0]);
    db = await reopen(db, name);
    await expect(loadTickets(db)).rejects.toBeInstanceOf(StoreCorruptError);

    db = await resetStore(db, name);
    expect(await db.get("meta", "device")).toEqual(device);
    expect((await db.getAll("scans")).map((s) => s.nonce)).toEqual(["nonce-0001"]);
    expect(await readSyncState(db)).toBeNull();
    expect((await loadTickets(db)).size).toBe(0);
    db.close();
  });

  it("upgrades a version 1 store: the device and the scan queue stay, the next sync is a full one", async () => {
    const name = freshName();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const old = open.result;
        old.createObjectStore("meta");
        old.createObjectStore("tickets", { keyPath: "secretHash" }).createIndex("byId", "id");
        old.createObjectStore("revocations", { keyPath: "secretHash" });
        old.createObjectStore("admissions", { keyPath: "secretHash" }).createIndex("byTicket", "ticketId");
        old.createObjectStore("scans", { keyPath: "nonce" }).createIndex("byPending", "pending");
        old.createObjectStore("notices", { keyPath: "key" });
        const tx = open.transaction;
        tx?.objectStore("meta").put(
          { deviceToken: "t", device: { id: "d", name: "Door" }, event: { id: "e" } },
          "device",
        );
        tx?.objectStore("meta").put({ cursor: "old" }, "sync");
        tx?.objectStore("scans").put({ nonce: "nonce-0001", code: "CODE", pending: 1 });
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const db = await openStore(name);
    expect([...db.objectStoreNames].sort()).toEqual(["admissions", "chunks", "meta", "notices", "scans"]);
    expect(await db.get("meta", "device")).toMatchObject({ device: { name: "Door" } });
    expect(await readSyncState(db)).toBeNull();
    expect(await db.count("scans")).toBe(1);
    db.close();
  });
});
