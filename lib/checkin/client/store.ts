// The scanner's IndexedDB store (idb). Browser only. One database per device:
//
//   meta        the device record and the sync state
//   chunks      the ticket list and revocations as a log of chunk records, keyed [generation, seq]: one per
//               sync page (20,000 tickets: one write instead of 20,000 indexed ones), one per batch of later
//               changes; loaded into a TicketList (memory) on start, rewritten as one compact generation
//               now and then. A full snapshot is written as a new generation and replaces the old one in
//               one transaction at its end, so a sync cut short never leaves half a list.
//   admissions  this device's admissions, by code hash
//   scans       the upload queue
//   notices     possible duplicates reported by the server
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Revocation, SyncResponse } from "@/lib/checkin/contract";
import { isTicketChunk, TicketList, toTicketChunk, type TicketChunk } from "./ticket-list";
import type { LocalAdmission, LocalTicket, ScanOutcome } from "./verify";

export const DB_NAME = "stagedoor-checkin";
/** 2: tickets and revocations as chunk records, hashes in base64url (version 1 stored one record each). */
const DB_VERSION = 2;
const TOKEN_BACKUP_KEY = "stagedoor-checkin-device";
/** Tickets per chunk when the list is compacted. */
const CHUNK_TICKETS = 20_000;
/** Chunks of changes a generation may collect before it is compacted. */
const MAX_CHANGE_CHUNKS = 50;

export interface DeviceRecord {
  deviceToken: string;
  device: { id: string; name: string };
  event: { id: string; title: string };
  provisionedAt: string;
}

export interface SyncState {
  event: SyncResponse["event"];
  eventTag: string;
  keys: SyncResponse["keys"];
  tiers: SyncResponse["tiers"];
  /** The chunks of this generation hold the ticket list. */
  generation: number;
  cursor: string;
  lastSyncedAt: string;
  /** serverTime of the previous upload response (sent back as `since`). */
  uploadSince?: string;
}

export interface QueuedScan {
  nonce: string;
  /** The scanned string; null for a ticket checked by hand (then `ticketId` says which). */
  code: string | null;
  scannedAt: string;
  deviceResult: "admitted" | "duplicate" | "rejected";
  localOutcome: ScanOutcome;
  codeHash: string | null;
  /** 1 until the server has answered. */
  pending: 0 | 1;
  serverOutcome?: string;
  serverReason?: string | null;
  ticketId?: string | null;
}

export interface Notice {
  key: string;
  ticketId: string | null;
  text: string;
  at: string;
}

interface CheckinDB extends DBSchema {
  meta: { key: string; value: unknown };
  chunks: { key: [number, number]; value: TicketChunk };
  admissions: {
    key: string;
    value: LocalAdmission & { ticketId?: string | null };
    indexes: { byTicket: string };
  };
  scans: { key: string; value: QueuedScan; indexes: { byPending: number } };
  notices: { key: string; value: Notice };
}

export type CheckinDb = IDBPDatabase<CheckinDB>;

export class StoreCorruptError extends Error {
  override name = "StoreCorruptError";
}

export async function openStore(name = DB_NAME): Promise<CheckinDb> {
  return openDB<CheckinDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore("meta");
        const scans = db.createObjectStore("scans", { keyPath: "nonce" });
        scans.createIndex("byPending", "pending");
        db.createObjectStore("notices", { keyPath: "key" });
      }
      if (oldVersion < 2) {
        // Version 1's ticket records and hex-keyed admissions go; the device and the scan queue stay, and
        // the next sync is a full one.
        const untyped = db as unknown as IDBPDatabase;
        for (const name of ["tickets", "revocations", "admissions"]) {
          if (untyped.objectStoreNames.contains(name)) untyped.deleteObjectStore(name);
        }
        void tx.objectStore("meta").delete("sync");
        db.createObjectStore("chunks");
        const admissions = db.createObjectStore("admissions", { keyPath: "codeHash" });
        admissions.createIndex("byTicket", "ticketId");
      }
    },
  });
}

function isDevice(value: unknown): value is DeviceRecord {
  const v = value as DeviceRecord | undefined;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.deviceToken === "string" &&
    typeof v.device?.id === "string" &&
    typeof v.device?.name === "string" &&
    typeof v.event?.id === "string"
  );
}

function isSyncState(value: unknown): value is SyncState {
  const v = value as SyncState | undefined;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.eventTag === "string" &&
    typeof v.generation === "number" &&
    Array.isArray(v.keys) &&
    Array.isArray(v.tiers) &&
    typeof v.cursor === "string" &&
    typeof v.lastSyncedAt === "string" &&
    typeof v.event?.title === "string"
  );
}

/** The device record; falls back to the localStorage backup. Throws StoreCorruptError when unreadable. */
export async function readDevice(db: CheckinDb): Promise<DeviceRecord | null> {
  const value = await db.get("meta", "device");
  if (value === undefined) return readDeviceBackup();
  if (!isDevice(value)) throw new StoreCorruptError("device record unreadable");
  return value;
}

export function readDeviceBackup(): DeviceRecord | null {
  try {
    const raw = globalThis.localStorage?.getItem(TOKEN_BACKUP_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isDevice(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export async function writeDevice(db: CheckinDb, device: DeviceRecord): Promise<void> {
  await db.put("meta", device, "device");
  try {
    globalThis.localStorage?.setItem(TOKEN_BACKUP_KEY, JSON.stringify(device));
  } catch {
    // storage full or disabled: IndexedDB still has it
  }
}

export async function readSyncState(db: CheckinDb): Promise<SyncState | null> {
  const value = await db.get("meta", "sync");
  if (value === undefined) return null;
  if (!isSyncState(value)) throw new StoreCorruptError("sync state unreadable");
  return value;
}

export async function writeSyncState(db: CheckinDb, state: SyncState): Promise<void> {
  await db.put("meta", state, "sync");
}

interface LoadedList {
  list: TicketList;
  generation: number;
  /** Chunk records in this generation (the next one's seq). */
  chunks: number;
}

/** The ticket list of each open database, read once (then kept current by the writers below). */
const loaded = new WeakMap<CheckinDb, Promise<LoadedList>>();

function chunksOf(generation: number) {
  return IDBKeyRange.bound([generation, 0], [generation, Infinity]);
}

async function readList(db: CheckinDb): Promise<LoadedList> {
  const tx = db.transaction(["meta", "chunks"], "readonly");
  const state = await tx.objectStore("meta").get("sync");
  const list = new TicketList();
  if (state === undefined) return { list, generation: 0, chunks: 0 };
  if (!isSyncState(state)) throw new StoreCorruptError("sync state unreadable");
  const chunks = await tx.objectStore("chunks").getAll(chunksOf(state.generation));
  for (const chunk of chunks) {
    if (!isTicketChunk(chunk)) throw new StoreCorruptError("ticket list unreadable");
    list.apply(chunk);
  }
  return { list, generation: state.generation, chunks: chunks.length };
}

function loadList(db: CheckinDb): Promise<LoadedList> {
  let pending = loaded.get(db);
  if (!pending) {
    pending = readList(db);
    loaded.set(db, pending);
  }
  return pending;
}

/** The list in memory, read again if another tab of the app has replaced or compacted it meanwhile. */
async function currentList(db: CheckinDb): Promise<LoadedList> {
  const memo = await loadList(db);
  if (((await readSyncState(db))?.generation ?? 0) === memo.generation) return memo;
  loaded.delete(db);
  return loadList(db);
}

/** The synced tickets and revocations, in memory (read from the store on first use). */
export async function loadTickets(db: CheckinDb): Promise<TicketList> {
  return (await loadList(db)).list;
}

/** Writes `chunks` as a new generation, drops the older ones and saves `state`, in one transaction. */
async function writeGeneration(
  db: CheckinDb,
  generation: number,
  chunks: readonly TicketChunk[],
  state: Omit<SyncState, "generation">,
): Promise<void> {
  const tx = db.transaction(["chunks", "meta"], "readwrite");
  const store = tx.objectStore("chunks");
  chunks.forEach((chunk, seq) => void store.put(chunk, [generation, seq]));
  void store.delete(IDBKeyRange.upperBound([generation], true));
  void tx.objectStore("meta").put({ ...state, generation }, "sync");
  await tx.done;
}

/** Rewrites the list as one compact generation once changes have piled up. */
async function compactIfDue(db: CheckinDb, current: LoadedList): Promise<void> {
  const base = Math.max(1, Math.ceil(current.list.size / CHUNK_TICKETS));
  if (current.chunks <= base + MAX_CHANGE_CHUNKS) return;
  const state = await readSyncState(db);
  if (!state || state.generation !== current.generation) return;
  const chunks = current.list.toChunks(CHUNK_TICKETS);
  const generation = current.generation + 1;
  await writeGeneration(db, generation, chunks, state);
  current.generation = generation;
  current.chunks = chunks.length;
}

/** How sync pages reach the store: `add` each page, then `commit` the sync state once the last one is in. */
export interface TicketWriter {
  add(page: Pick<SyncResponse, "tiers" | "tickets" | "revocations">): Promise<void>;
  commit(state: Omit<SyncState, "generation">): Promise<void>;
}

/** Relaxed durability: a chunk lost to a crash is downloaded again (the cursor only moves at commit). */
async function putChunk(db: CheckinDb, key: [number, number], chunk: TicketChunk): Promise<void> {
  const tx = db.transaction("chunks", "readwrite", { durability: "relaxed" });
  void tx.store.put(chunk, key);
  await tx.done;
}

function pageChunk(page: Pick<SyncResponse, "tiers" | "tickets" | "revocations">): TicketChunk {
  return { tierIds: page.tiers.map((t) => t.id), tickets: page.tickets, revocations: page.revocations };
}

/**
 * `replace`: the pages are a full snapshot, written as a new generation that takes over at `commit` (the
 * old list stays in use until then). Otherwise they are changes, merged at once.
 */
export async function openTicketWriter(db: CheckinDb, replace: boolean): Promise<TicketWriter> {
  const current = await currentList(db).catch((e: unknown) => {
    if (!replace) throw e;
    return { list: new TicketList(), generation: 0, chunks: 0 };
  });
  if (!replace) {
    return {
      async add(page) {
        if (page.tickets.length === 0 && page.revocations.length === 0) return;
        const chunk = pageChunk(page);
        await putChunk(db, [current.generation, current.chunks], chunk);
        current.chunks += 1;
        current.list.apply(chunk);
      },
      async commit(state) {
        await writeSyncState(db, { ...state, generation: current.generation });
        await compactIfDue(db, current);
      },
    };
  }
  const next: LoadedList = { list: new TicketList(), generation: current.generation + 1, chunks: 0 };
  // Leftovers of a snapshot that never finished.
  await db.delete("chunks", IDBKeyRange.lowerBound([next.generation]));
  return {
    async add(page) {
      const chunk = pageChunk(page);
      await putChunk(db, [next.generation, next.chunks], chunk);
      next.chunks += 1;
      next.list.apply(chunk);
    },
    async commit(state) {
      const tx = db.transaction(["chunks", "meta"], "readwrite");
      void tx.objectStore("chunks").delete(IDBKeyRange.upperBound([next.generation], true));
      void tx.objectStore("meta").put({ ...state, generation: next.generation }, "sync");
      await tx.done;
      loaded.set(db, Promise.resolve(next));
    },
  };
}

/** Records changes learnt outside a sync page (upload answers: admissions elsewhere, revocations). */
export async function saveTicketChanges(
  db: CheckinDb,
  tickets: readonly LocalTicket[],
  revocations: Revocation[],
): Promise<void> {
  if (tickets.length === 0 && revocations.length === 0) return;
  if (!(await readSyncState(db))) return; // nothing synced yet: the first sync brings all of it
  const current = await currentList(db);
  const chunk = toTicketChunk(tickets, revocations);
  await db.put("chunks", chunk, [current.generation, current.chunks]);
  current.chunks += 1;
  current.list.apply(chunk);
  await compactIfDue(db, current);
}

export async function counts(db: CheckinDb) {
  const [list, pending, admitted] = await Promise.all([
    loadTickets(db),
    db.countFromIndex("scans", "byPending", 1),
    db.count("admissions"),
  ]);
  return { tickets: list.size, revocations: list.revocationCount, pending, admitted };
}

/** Tickets by holder name or email (contains, case-insensitive), or by short code. */
export async function lookup(db: CheckinDb, query: string, limit = 20): Promise<LocalTicket[]> {
  return (await loadTickets(db)).search(query, limit);
}

/** Salvages what it can (device, pending scans), deletes the database and starts a fresh one. */
export async function resetStore(db: CheckinDb | null, name = DB_NAME): Promise<CheckinDb> {
  let device: DeviceRecord | null = null;
  let pending: QueuedScan[] = [];
  if (db) {
    try {
      device = await readDevice(db);
    } catch {
      device = null;
    }
    try {
      pending = (await db.getAllFromIndex("scans", "byPending", 1)).filter(
        (s) => typeof s?.nonce === "string" && (typeof s.code === "string" || typeof s.ticketId === "string"),
      );
    } catch {
      pending = [];
    }
    db.close();
  }
  device ??= readDeviceBackup();
  await deleteDB(name);
  const fresh = await openStore(name);
  if (device) await writeDevice(fresh, device);
  if (pending.length) {
    const tx = fresh.transaction("scans", "readwrite");
    for (const s of pending) void tx.store.put(s);
    await tx.done;
  }
  return fresh;
}

export async function forgetDevice(db: CheckinDb | null, name = DB_NAME): Promise<void> {
  db?.close();
  try {
    globalThis.localStorage?.removeItem(TOKEN_BACKUP_KEY);
  } catch {
    // ignore
  }
  await deleteDB(name);
}
