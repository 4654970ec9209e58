// Talking to the server: provisioning, sync down (paged, incremental by cursor) and sync up (the scan queue).
// Browser only (uses the store); every request carries the device token as a Bearer token.
import {
  MAX_SCANS_PER_UPLOAD,
  REVOKED_DEVICE_MESSAGE,
  SYNC_FORMAT,
  type ProvisionResponse,
  type Scan,
  type SyncResponse,
  type UploadScansResponse,
} from "@/lib/checkin/contract";
import { formatTime, type LocalTicket } from "./verify";
import {
  loadTickets,
  openTicketWriter,
  pendingScans,
  readRetiredDevices,
  readSyncState,
  saveTicketChanges,
  updateRetiredDevices,
  writeSyncState,
  type CheckinDb,
  type DeviceRecord,
  type Notice,
  type QueuedScan,
  type TicketWriter,
} from "./store";

/** The server refused the device token (revoked or unknown): show `message` and stop syncing. */
export class DeviceRevokedError extends Error {
  override name = "DeviceRevokedError";
}

export class ServerError extends Error {
  override name = "ServerError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body) headers["content-type"] = "application/json";
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers, cache: "no-store", credentials: "omit" });
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const detail = (data as { detail?: string } | undefined)?.detail;
    if (response.status === 401 && init.token) throw new DeviceRevokedError(detail ?? REVOKED_DEVICE_MESSAGE);
    throw new ServerError(detail ?? `The server answered ${response.status}.`, response.status);
  }
  return data as T;
}

/** Exchanges a scanner link's token for a device (the caller stores it: adoptDevice). */
export async function provision(token: string): Promise<DeviceRecord> {
  const body = await request<ProvisionResponse>("/api/tickets/checkin/provision", {
    method: "POST",
    body: JSON.stringify({ token }),
  });
  return {
    deviceToken: body.deviceToken,
    device: body.device,
    event: body.event,
    provisionedAt: new Date().toISOString(),
  };
}

/** Pulls everything new since the stored cursor (or a full snapshot), page by page. */
export async function syncDown(
  db: CheckinDb,
  device: DeviceRecord,
  options: { full?: boolean } = {},
): Promise<{ tickets: number; pages: number }> {
  const stored = await readSyncState(db);
  // Hashes of another format cannot be merged with: fetch the whole list again.
  const previous = options.full || stored?.format !== SYNC_FORMAT ? null : stored;
  let received = 0;
  let pages = 0;
  const fetchPage = (cursor: string | undefined) => {
    const qs = new URLSearchParams({ format: String(SYNC_FORMAT), ...(cursor ? { cursor } : {}) });
    const pending = request<SyncResponse>(`/api/tickets/checkin/sync?${qs}`, { token: device.deviceToken });
    pending.catch(() => undefined); // awaited below; never an unhandled rejection while a page is written
    return pending;
  };
  let next = fetchPage(previous?.cursor);
  let writer: TicketWriter | null = null;
  for (;;) {
    const page = await next;
    pages++;
    // Download the next page while this one is written to IndexedDB.
    if (page.hasMore && pages < 10_000) next = fetchPage(page.cursor);
    // A full snapshot (its first page says so) replaces the list once its last page is in.
    writer ??= await openTicketWriter(db, page.full);
    await writer.add(page);
    received += page.tickets.length;
    if (!page.hasMore || pages >= 10_000) {
      await writer.commit({
        format: page.format,
        event: page.event,
        eventTag: page.eventTag,
        keys: page.keys,
        tiers: page.tiers,
        cursor: page.cursor,
        lastSyncedAt: new Date().toISOString(),
        uploadSince: stored?.uploadSince,
      });
      break;
    }
  }
  return { tickets: received, pages };
}

function duplicateText(at: string, deviceName: string | null): string {
  return `Possible duplicate: also admitted at ${formatTime(at)} on ${deviceName ?? "another device"}`;
}

/**
 * Sends the queued scans, each with the token of the device that made it: the current device's (merging the
 * results and what other devices admitted), then those of devices this phone was before (their results
 * only). A former device the server refuses (revoked) keeps its scans, marked, and is not asked again.
 */
export async function syncUp(
  db: CheckinDb,
  device: DeviceRecord,
): Promise<{ sent: number; notices: number }> {
  const total = await uploadQueue(db, device, true);
  const refused = new Map<string, string>();
  for (const former of await readRetiredDevices(db)) {
    if (former.refusedMessage || former.device.id === device.device.id) continue;
    try {
      const sent = await uploadQueue(db, former, false);
      total.sent += sent.sent;
      total.notices += sent.notices;
    } catch (e) {
      if (!(e instanceof DeviceRevokedError)) throw e;
      refused.set(former.device.id, e.message);
    }
  }
  await updateRetiredDevices(db, refused);
  return total;
}

/** One device's queue, in batches. `current`: also learn other devices' admissions and new revocations. */
async function uploadQueue(
  db: CheckinDb,
  device: DeviceRecord,
  current: boolean,
): Promise<{ sent: number; notices: number }> {
  let sent = 0;
  let noticeCount = 0;
  for (;;) {
    const state = current ? await readSyncState(db) : null;
    const pending = await pendingScans(db, device.device.id, MAX_SCANS_PER_UPLOAD);
    if (pending.length === 0 && !current) break;
    const body = {
      scans: pending.map((s): Scan => ({
        nonce: s.nonce,
        ...(s.code === null ? { ticketId: s.ticketId ?? "" } : { code: s.code }),
        scannedAt: s.scannedAt,
        deviceResult: s.deviceResult,
      })),
      since: state?.uploadSince,
      cursor: state?.cursor,
    };
    const answer = await request<UploadScansResponse>("/api/tickets/checkin/sync", {
      method: "POST",
      body: JSON.stringify(body),
      token: device.deviceToken,
    });
    const byNonce = new Map(pending.map((s) => [s.nonce, s]));
    const notices: Notice[] = [];
    const tickets = await loadTickets(db);
    const admittedElsewhere = new Map<string, LocalTicket>();
    const tx = db.transaction(["scans", "admissions"], "readwrite");
    for (const r of answer.results) {
      const scan = byNonce.get(r.nonce);
      if (!scan) continue;
      const updated: QueuedScan = {
        ...scan,
        pending: 0,
        serverOutcome: r.outcome,
        serverReason: r.reason,
        ticketId: r.ticketId,
      };
      void tx.objectStore("scans").put(updated);
      if (scan.deviceResult === "admitted" && scan.codeHash) {
        const admission = await tx.objectStore("admissions").get(scan.codeHash);
        if (admission && r.ticketId && !admission.ticketId) {
          void tx.objectStore("admissions").put({ ...admission, ticketId: r.ticketId });
        }
        if (r.outcome === "duplicate" && r.firstAdmission) {
          notices.push({
            key: `${r.ticketId ?? scan.codeHash}|${r.firstAdmission.scannedAt}|${r.firstAdmission.deviceName ?? ""}`,
            ticketId: r.ticketId,
            text: duplicateText(r.firstAdmission.scannedAt, r.firstAdmission.deviceName),
            at: new Date().toISOString(),
          });
        }
      }
    }
    for (const a of current ? answer.recentAdmissions : []) {
      const mine = await tx.objectStore("admissions").index("byTicket").get(a.ticketId);
      if (mine && a.deviceName !== device.device.name) {
        notices.push({
          key: `${a.ticketId}|${a.scannedAt}|${a.deviceName ?? ""}`,
          ticketId: a.ticketId,
          text: duplicateText(a.scannedAt, a.deviceName),
          at: new Date().toISOString(),
        });
      }
      const ticket = tickets.findById(a.ticketId);
      const earlier = admittedElsewhere.get(a.ticketId)?.admittedAt;
      if (ticket && !ticket.admittedAt && (!earlier || a.scannedAt < earlier)) {
        admittedElsewhere.set(a.ticketId, { ...ticket, admittedAt: a.scannedAt, admittedBy: a.deviceName });
      }
    }
    await tx.done;
    if (current) await saveTicketChanges(db, [...admittedElsewhere.values()], answer.revocations);
    if (notices.length) {
      const ntx = db.transaction("notices", "readwrite");
      for (const n of notices) void ntx.store.put(n);
      await ntx.done;
    }
    noticeCount += notices.length;
    const latest = current ? await readSyncState(db) : null;
    if (latest) await writeSyncState(db, { ...latest, uploadSince: answer.serverTime });
    sent += pending.length;
    if (pending.length < MAX_SCANS_PER_UPLOAD) break;
  }
  return { sent, notices: noticeCount };
}
