// The scanner's IndexedDB store (idb). Browser only. One database per device; tickets keyed by secretHash
// with indexes for id and for name/email prefix lookup; revocations; this device's admissions; the scan
// queue; notices (possible duplicates) and a meta store for the device and sync state.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Revocation, SyncResponse, SyncTicket } from "@/lib/checkin/contract";
import type { LocalAdmission, LocalTicket, ScanOutcome } from "./verify";

export const DB_NAME = "stagedoor-checkin";
const DB_VERSION = 1;
const TOKEN_BACKUP_KEY = "stagedoor-checkin-device";

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
  cursor: string;
  lastSyncedAt: string;
  /** serverTime of the previous upload response (sent back as `since`). */
  uploadSince?: string;
}

export interface StoredTicket extends LocalTicket {
  nameKey: string;
  emailKey: string;
}

export interface QueuedScan {
  nonce: string;
  code: string;
  scannedAt: string;
  deviceResult: "admitted" | "duplicate" | "rejected";
  localOutcome: ScanOutcome;
  secretHash: string | null;
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
  tickets: {
    key: string;
    value: StoredTicket;
    indexes: { byId: string; byName: string; byEmail: string; byShort: string };
  };
  revocations: { key: string; value: Revocation };
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
    upgrade(db) {
      db.createObjectStore("meta");
      const tickets = db.createObjectStore("tickets", { keyPath: "secretHash" });
      tickets.createIndex("byId", "id");
      tickets.createIndex("byName", "nameKey");
      tickets.createIndex("byEmail", "emailKey");
      tickets.createIndex("byShort", "shortCode");
      db.createObjectStore("revocations", { keyPath: "secretHash" });
      const admissions = db.createObjectStore("admissions", { keyPath: "secretHash" });
      admissions.createIndex("byTicket", "ticketId");
      const scans = db.createObjectStore("scans", { keyPath: "nonce" });
      scans.createIndex("byPending", "pending");
      db.createObjectStore("notices", { keyPath: "key" });
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

export function toStoredTicket(t: SyncTicket): StoredTicket {
  return {
    ...t,
    nameKey: (t.holderName ?? "").trim().toLowerCase(),
    emailKey: (t.holderEmail ?? "").trim().toLowerCase(),
  };
}

/** Writes one sync page in a single transaction; `replace` clears the ticket list first (full snapshot). */
export async function applySyncPage(
  db: CheckinDb,
  page: Pick<SyncResponse, "tickets" | "revocations">,
  replace: boolean,
): Promise<void> {
  // Relaxed durability: a page lost to a crash is simply downloaded again at the next sync.
  const tx = db.transaction(["tickets", "revocations"], "readwrite", { durability: "relaxed" });
  const tickets = tx.objectStore("tickets");
  const revocations = tx.objectStore("revocations");
  if (replace) {
    void tickets.clear();
    void revocations.clear();
  }
  for (const t of page.tickets) void tickets.put(toStoredTicket(t));
  for (const r of page.revocations) void revocations.put(r);
  await tx.done;
}

export async function putRevocations(db: CheckinDb, list: readonly Revocation[]): Promise<void> {
  if (list.length === 0) return;
  const tx = db.transaction("revocations", "readwrite");
  for (const r of list) void tx.store.put(r);
  await tx.done;
}

export async function counts(db: CheckinDb) {
  const [tickets, revocations, pending, admitted] = await Promise.all([
    db.count("tickets"),
    db.count("revocations"),
    db.countFromIndex("scans", "byPending", 1),
    db.count("admissions"),
  ]);
  return { tickets, revocations, pending, admitted };
}

/** Prefix search on holder name or email (case-insensitive), plus exact short code. */
export async function lookup(db: CheckinDb, query: string, limit = 20): Promise<StoredTicket[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const range = IDBKeyRange.bound(q, `${q}\uffff`);
  const [byName, byEmail, byShort] = await Promise.all([
    db.getAllFromIndex("tickets", "byName", range, limit),
    db.getAllFromIndex("tickets", "byEmail", range, limit),
    db.getAllFromIndex("tickets", "byShort", query.trim().toUpperCase(), limit),
  ]);
  const seen = new Map<string, StoredTicket>();
  for (const t of [...byShort, ...byName, ...byEmail]) seen.set(t.secretHash, t);
  return [...seen.values()].slice(0, limit);
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
        (s) => typeof s?.nonce === "string" && typeof s.code === "string",
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
