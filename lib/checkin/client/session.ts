// Starting the scanner on a page: one writer per store (a Web Lock held for the page's life), then the
// store, then the scanner link in the address (exchanged once for a device). Browser only.
//
// The start runs once per page load, whoever asks: React runs a mount effect twice in development
// (StrictMode), and a second run must not exchange the link again, open a second connection that blocks the
// first one's writes, or show "no device" while the first run is still provisioning.
import { PROVISIONING_LINK_GONE_MESSAGE } from "@/lib/checkin/contract";
import {
  adoptDevice,
  DB_NAME,
  openStore,
  readDevice,
  resetStore,
  type CheckinDb,
  type DeviceRecord,
} from "./store";
import { provision } from "./sync";

export type ScannerStart =
  | { kind: "ready"; db: CheckinDb; device: DeviceRecord; linkError?: string }
  | { kind: "no-device"; db: CheckinDb; linkError?: string }
  | { kind: "corrupt"; db: CheckinDb | null }
  /** Another tab of this browser runs the scanner; `takeover` settles when this tab gets it. */
  | { kind: "other-tab"; takeover: Promise<ScannerStart> };

export const OTHER_TAB_MESSAGE = "The scanner is open in another tab";

/** The Web Lock that makes one tab at a time the writer of a scanner store. */
export function storeLockName(dbName = DB_NAME): string {
  return `${dbName}:writer`;
}

let started: Promise<ScannerStart> | null = null;

/** The scanner's start on this page: the first call starts it, every later one gets the same promise. */
export function startScanner(): Promise<ScannerStart> {
  started ??= start(takeProvisioningToken());
  return started;
}

/** Reads the scanner link's token from the address and removes it (it works once; a reload must not resend it). */
function takeProvisioningToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get("provision");
  if (token) {
    url.searchParams.delete("provision");
    window.history.replaceState(window.history.state, "", url.pathname + url.search);
  }
  return token;
}

async function start(token: string | null): Promise<ScannerStart> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  // Without Web Locks (an insecure origin: no camera either) the page is taken to be the only tab.
  if (!locks) return open(token);
  const name = storeLockName();
  const held = await holdLock(locks, name, true).catch(() => null);
  if (held !== false) return open(token);
  return {
    kind: "other-tab",
    takeover: holdLock(locks, name, false).then(
      () => open(token),
      () => open(token),
    ),
  };
}

/**
 * Takes the lock and keeps it until the page goes away. `ifAvailable`: false at once when another tab holds
 * it; otherwise waits for it.
 */
function holdLock(locks: LockManager, name: string, ifAvailable: boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, { ifAvailable }, (lock) => {
        resolve(lock !== null);
        return lock === null ? undefined : new Promise<never>(() => {});
      })
      .catch(reject);
  });
}

async function open(token: string | null): Promise<ScannerStart> {
  let db: CheckinDb | null = null;
  try {
    db = await openStore();
    let linkError: string | undefined;
    if (token) {
      let record: DeviceRecord | null = null;
      try {
        record = await provision(token);
      } catch (e) {
        linkError = e instanceof Error ? e.message : PROVISIONING_LINK_GONE_MESSAGE;
      }
      if (record) {
        try {
          await adoptDevice(db, record);
        } catch {
          // The link is spent: keep its device even if the store was unreadable.
          db = await resetStore(db);
          await adoptDevice(db, record);
        }
      }
    }
    const device = await readDevice(db);
    return device ? { kind: "ready", db, device, linkError } : { kind: "no-device", db, linkError };
  } catch {
    return { kind: "corrupt", db };
  }
}
