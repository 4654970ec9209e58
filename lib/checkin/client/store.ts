// The scanner's IndexedDB store (idb). Browser only. One database per device:
//
//   meta        the device record and the sync state
//   chunks      the ticket list and revocations as a log of chunk records, keyed [generation, seq]: one per
//               sync page (20,000 tickets: one write instead of 20,000 indexed ones), one per batch of later
//               changes; loaded into a TicketList (memory) on start, rewritten as one compact generation
//               now and then. A full snapshot is written as a new generation and replaces the old one in
//               one transaction at its end, so a sync cut short never leaves half a list.
//   admissions  this device's admissions, by code hash (and by ticket id): its own used-state, kept by a reset
//   scans       the upload queue; each scan names the device (and event) that made it, and is uploaded with
//               that device's token, also after the phone was given another scanner link
//   notices     possible duplicates reported by the server
//
// One tab writes at a time: the app holds the store's Web Lock while it runs (see session.ts).
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Revocation, SyncResponse } from "@/lib/checkin/contract";
import { isTicketChunk, TicketList, toTicketChunk, type TicketChunk } from "./ticket-list";
import { codeHashOf, type LocalAdmission, type LocalTicket, type ScanOutcome } from "./verify";

export const DB_NAME = "stagedoor-checkin";
/**
 * 2: tickets and revocations as chunk records, hashes in base64url (version 1 stored one record each).
 * 3: code hashes of the code's bytes (SYNC_FORMAT 2), not of its text: the list is dropped (the next sync is
 *    a full one), admissions and queued scans are re-hashed from the scans' code text; scans name their
 *    device and event.
 */
const DB_VERSION = 3;
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

/** A device this phone was before its current scanner link, kept while scans it made are not uploaded. */
export interface RetiredDevice extends DeviceRecord {
  /** The server refused its token (revoked): its scans stay here, shown, and are not sent again. */
  refusedMessage?: string;
}

export interface SyncState {
  /** SYNC_FORMAT of the stored code hashes; another one means the list must be fetched again in full. */
  format: number;
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
  /** The device that made the scan (uploaded with its token) and its event. */
  deviceId: string;
  eventId: string;
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
    value: LocalAdmission;
    indexes: { byTicket: string };
  };
  scans: {
    key: string;
    value: QueuedScan;
    indexes: { byPending: number; byDevicePending: [string, number] };
  };
  notices: { key: string; value: Notice };
}

export type CheckinDb = IDBPDatabase<CheckinDB>;

export class StoreCorruptError extends Error {
  override name = "StoreCorruptError";
}

export async function openStore(name = DB_NAME): Promise<CheckinDb> {
  const db = await openDB<CheckinDB>(name, DB_VERSION, {
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
      if (oldVersion < 3) {
        tx.objectStore("scans").createIndex("byDevicePending", ["deviceId", "pending"]);
        if (oldVersion > 0) {
          // Hashes of the code's text: the list goes (next sync: full), the rest is re-hashed after the upgrade
          // (WebCrypto cannot run inside it).
          void tx.objectStore("meta").delete("sync");
          void tx.objectStore("chunks").clear();
          void tx.objectStore("meta").put(true, REHASH_KEY);
        }
      }
    },
  });
  if ((await db.get("meta", REHASH_KEY)) !== undefined) await rehashStore(db);
  return db;
}

const REHASH_KEY = "rehash";
const RETIRED_KEY = "retired";

/**
 * After the upgrade to version 3: queued scans get their hash from their code text (bytes) and the device and
 * event they were made on (the device then current); admissions are re-keyed by the new hash of their scan's
 * code, or else kept under a key no code hashes to and found by ticket id. One transaction, so a crash
 * leaves the flag set and the next start does it again.
 */
async function rehashStore(db: CheckinDb): Promise<void> {
  const read = db.transaction(["meta", "scans", "admissions"], "readonly");
  const [device, scans, admissions] = await Promise.all([
    read.objectStore("meta").get("device"),
    read.objectStore("scans").getAll(),
    read.objectStore("admissions").getAll(),
  ]);
  const current = isDevice(device) ? device : readDeviceBackup();
  const legacy = (hash: string) => (hash.startsWith("legacy:") ? hash : `legacy:${hash}`);
  const newHash = new Map<string, string>();
  const rehashed: QueuedScan[] = [];
  for (const scan of scans) {
    // A ticket checked by hand has no code text: its old hash is kept apart (the admission is found by id).
    const codeHash =
      typeof scan.code === "string"
        ? await codeHashOf(scan.code)
        : typeof scan.codeHash === "string"
          ? legacy(scan.codeHash)
          : null;
    if (scan.codeHash && codeHash) newHash.set(scan.codeHash, codeHash);
    rehashed.push({
      ...scan,
      codeHash,
      deviceId: scan.deviceId ?? current?.device.id ?? "",
      eventId: scan.eventId ?? current?.event.id ?? "",
    });
  }
  const tx = db.transaction(["meta", "scans", "admissions"], "readwrite");
  for (const scan of rehashed) void tx.objectStore("scans").put(scan);
  void tx.objectStore("admissions").clear();
  for (const admission of admissions) {
    const codeHash = newHash.get(admission.codeHash) ?? legacy(admission.codeHash);
    void tx.objectStore("admissions").put({
      ...admission,
      codeHash,
      eventId: admission.eventId ?? current?.event.id,
    });
  }
  void tx.objectStore("meta").delete(REHASH_KEY);
  await tx.done;
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
    typeof v.format === "number" &&
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
  backUpDevice(device);
}

function backUpDevice(device: DeviceRecord): void {
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

/** Queues a scan and, when it let someone in, records this device's admission; durably (strict). */
export async function queueScan(db: CheckinDb, scan: QueuedScan, admission: LocalAdmission | null) {
  const tx = db.transaction(["scans", "admissions"], "readwrite", { durability: "strict" });
  void tx.objectStore("scans").put(scan);
  if (admission) void tx.objectStore("admissions").put(admission);
  await tx.done;
}

/** Scans of `deviceId` still to upload (at most `limit`), oldest first. */
export function pendingScans(db: CheckinDb, deviceId: string, limit?: number): Promise<QueuedScan[]> {
  return db.getAllFromIndex("scans", "byDevicePending", [deviceId, 1], limit);
}

function isRetiredDevice(value: unknown): value is RetiredDevice {
  return isDevice(value);
}

export async function readRetiredDevices(db: CheckinDb): Promise<RetiredDevice[]> {
  const value = await db.get("meta", RETIRED_KEY);
  return Array.isArray(value) ? value.filter(isRetiredDevice) : [];
}

/**
 * Sets the retired devices: those with scans still to upload are kept (with `refused` marked on them), the
 * others dropped.
 */
export async function updateRetiredDevices(
  db: CheckinDb,
  refused: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const tx = db.transaction(["meta", "scans"], "readwrite");
  const retired: RetiredDevice[] = [];
  const stored = await tx.objectStore("meta").get(RETIRED_KEY);
  for (const device of Array.isArray(stored) ? stored.filter(isRetiredDevice) : []) {
    const left = await tx.objectStore("scans").index("byDevicePending").count([device.device.id, 1]);
    const refusedMessage = refused.get(device.device.id) ?? device.refusedMessage;
    if (left > 0) retired.push({ ...device, ...(refusedMessage ? { refusedMessage } : {}) });
  }
  void tx.objectStore("meta").put(retired, RETIRED_KEY);
  await tx.done;
}

/**
 * The phone becomes `record` (a scanner link was just exchanged): a fresh list for it, while the previous
 * device, if it has scans to upload, is kept to upload them with its own token. Admissions to another event
 * than the new device's, and notices, go with the old list.
 */
export async function adoptDevice(db: CheckinDb, record: DeviceRecord): Promise<void> {
  const tx = db.transaction(["meta", "scans", "admissions", "chunks", "notices"], "readwrite");
  const meta = tx.objectStore("meta");
  const previous = await meta.get("device");
  const stored = await meta.get(RETIRED_KEY);
  const retired = (Array.isArray(stored) ? stored.filter(isRetiredDevice) : []).filter(
    (d) => d.device.id !== record.device.id,
  );
  if (isDevice(previous) && previous.device.id !== record.device.id) {
    const left = await tx.objectStore("scans").index("byDevicePending").count([previous.device.id, 1]);
    if (left > 0) retired.push(previous);
  }
  void meta.put(retired, RETIRED_KEY);
  void meta.put(record, "device");
  void meta.delete("sync");
  void tx.objectStore("chunks").clear();
  if (!isDevice(previous) || previous.event.id !== record.event.id) {
    void tx.objectStore("notices").clear();
    let cursor = await tx.objectStore("admissions").openCursor();
    while (cursor) {
      if (cursor.value.eventId !== record.event.id) void cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  loaded.delete(db);
  backUpDevice(record);
}

export interface UnsentElsewhere {
  device: RetiredDevice;
  scans: number;
}

export async function counts(db: CheckinDb) {
  const device = await readDevice(db);
  const [list, pending, admitted, retired] = await Promise.all([
    loadTickets(db),
    device ? db.countFromIndex("scans", "byDevicePending", [device.device.id, 1]) : 0,
    db.count("admissions"),
    readRetiredDevices(db),
  ]);
  const elsewhere: UnsentElsewhere[] = [];
  for (const d of retired) {
    const scans = await db.countFromIndex("scans", "byDevicePending", [d.device.id, 1]);
    if (scans > 0) elsewhere.push({ device: d, scans });
  }
  return { tickets: list.size, revocations: list.revocationCount, pending, admitted, elsewhere };
}

/** Tickets by holder name or email (contains, case-insensitive), or by short code. */
export async function lookup(db: CheckinDb, query: string, limit = 20): Promise<LocalTicket[]> {
  return (await loadTickets(db)).search(query, limit);
}

/** Whatever of a store can still be read, store by store (each read on its own, so one bad one spoils none). */
async function salvage(db: CheckinDb) {
  const attempt = async <T>(read: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch {
      return fallback;
    }
  };
  const device = await attempt(() => readDevice(db), null);
  const retired = await attempt(() => readRetiredDevices(db), []);
  const rehash = await attempt(() => db.get("meta", REHASH_KEY), undefined);
  const scans = (await attempt(() => db.getAll("scans"), [])).filter(
    (s) =>
      typeof s?.nonce === "string" &&
      (typeof s.code === "string" || typeof s.ticketId === "string") &&
      (s.pending === 0 || s.pending === 1),
  );
  const admissions = (await attempt(() => db.getAll("admissions"), [])).filter(
    (a) => typeof a?.codeHash === "string" && typeof a.at === "string",
  );
  const notices = (await attempt(() => db.getAll("notices"), [])).filter((n) => typeof n?.key === "string");
  return { device, retired, rehash, scans, admissions, notices };
}

/**
 * Starts a fresh database, keeping what it can of the old one: the device (and older devices with unsent
 * scans), the scans, this device's admissions (its used-state: a second entry is still caught) and the
 * notices. Only the ticket list and the sync state go: the next sync is a full one.
 */
export async function resetStore(db: CheckinDb | null, name = DB_NAME): Promise<CheckinDb> {
  const kept = db ? await salvage(db) : null;
  db?.close();
  const device = kept?.device ?? readDeviceBackup();
  await deleteDB(name);
  const fresh = await openStore(name);
  const tx = fresh.transaction(["meta", "scans", "admissions", "notices"], "readwrite");
  if (device) void tx.objectStore("meta").put(device, "device");
  if (kept) {
    void tx.objectStore("meta").put(kept.retired, RETIRED_KEY);
    if (kept.rehash !== undefined) void tx.objectStore("meta").put(true, REHASH_KEY);
    for (const s of kept.scans) void tx.objectStore("scans").put(s);
    for (const a of kept.admissions) void tx.objectStore("admissions").put(a);
    for (const n of kept.notices) void tx.objectStore("notices").put(n);
  }
  await tx.done;
  if (kept?.rehash !== undefined) await rehashStore(fresh);
  return fresh;
}

/**
 * Forgets the current device (revoked) and its ticket list. Scans it has not uploaded stay, attributed to it,
 * and are shown (a revoked token cannot send them); older devices' unsent scans stay to be uploaded; the
 * admissions stay too (a new link for the same event still catches a second entry).
 */
export async function forgetDevice(db: CheckinDb, refusedMessage: string): Promise<void> {
  const tx = db.transaction(["meta", "scans", "chunks"], "readwrite");
  const meta = tx.objectStore("meta");
  const device = await meta.get("device");
  const stored = await meta.get(RETIRED_KEY);
  const retired = Array.isArray(stored) ? stored.filter(isRetiredDevice) : [];
  if (isDevice(device)) {
    const left = await tx.objectStore("scans").index("byDevicePending").count([device.device.id, 1]);
    if (left > 0) retired.push({ ...device, refusedMessage });
  }
  void meta.put(retired, RETIRED_KEY);
  void meta.delete("device");
  void meta.delete("sync");
  void tx.objectStore("chunks").clear();
  await tx.done;
  loaded.delete(db);
  try {
    globalThis.localStorage?.removeItem(TOKEN_BACKUP_KEY);
  } catch {
    // ignore
  }
}
