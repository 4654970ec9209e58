// Test helpers for the scanner's store (in-memory IndexedDB in vitest): sync pages, a device, queued scans.
import { SYNC_FORMAT, toSyncTicket, type CheckinTicket, type SyncResponse } from "@/lib/checkin/contract";
import {
  openTicketWriter,
  type CheckinDb,
  type DeviceRecord,
  type QueuedScan,
  type SyncState,
} from "./store";
import { TEST_EVENT_KEY, testTag, testTicket } from "./test-ticket";
import { toHex } from "./verify";

export const TIERS = [
  { id: "tier_ga", name: "GA", tag: "00000000" },
  { id: "tier_vip", name: "VIP", tag: "11111111" },
];

export type Page = Pick<SyncResponse, "tiers" | "tickets" | "revocations">;
export function page(tickets: CheckinTicket[], revocations: Page["revocations"] = []): Page {
  const index = new Map(TIERS.map((t, i) => [t.id, i]));
  return {
    tiers: TIERS,
    tickets: tickets.map((t) => toSyncTicket(t, index.get(t.tierId) ?? 0)),
    revocations,
  };
}

export const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => testTicket(from + i));

export const DEVICE: DeviceRecord = {
  deviceToken: "token",
  device: { id: "d1", name: "Door 1" },
  event: { id: "evt", title: "Night" },
  provisionedAt: "2030-12-27T18:00:00.000Z",
};

export function queued(nonce: string, codeHash: string | null, patch: Partial<QueuedScan> = {}): QueuedScan {
  return {
    nonce,
    deviceId: DEVICE.device.id,
    eventId: DEVICE.event.id,
    code: "CODE",
    scannedAt: "2030-12-27T20:00:00.000Z",
    deviceResult: "admitted",
    localOutcome: "valid",
    codeHash,
    pending: 1,
    ...patch,
  };
}

export function state(cursor: string): Omit<SyncState, "generation"> {
  return {
    format: SYNC_FORMAT,
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

export async function fullSync(db: CheckinDb, pages: Page[], cursor = "c1", patch: Partial<SyncState> = {}) {
  const writer = await openTicketWriter(db, true);
  for (const p of pages) await writer.add(p);
  await writer.commit({ ...state(cursor), ...patch });
}

/** The sync state's keys and tag for codes made by makeTestCode. */
export const TEST_EVENT = {
  eventTag: toHex(testTag("evt_1", 6)),
  keys: [{ keyId: 1, publicKey: TEST_EVENT_KEY.publicKey }],
};
