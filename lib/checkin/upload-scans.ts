// POST /api/tickets/checkin/sync: a device's queued scans, plus what it should learn back (other devices'
// admissions since its last upload and new revocations).
import "server-only";
import type { AuthenticatedDevice } from "@/lib/checkin/authenticate-device";
import type {
  RecentAdmission,
  Revocation,
  UploadScansRequest,
  UploadScansResponse,
} from "@/lib/checkin/contract";
import { codeHashFromSecretHash } from "@/lib/checkin/code-hash";
import { recordScans } from "@/lib/checkin/record-scans";
import { decodeSyncCursor } from "@/lib/checkin/sync-cursor";
import { db } from "@/lib/db";

const DEFAULT_RECENT_WINDOW_MS = 15 * 60_000;
const MAX_RECENT = 1_000;

export async function uploadScans(
  device: AuthenticatedDevice,
  input: UploadScansRequest,
  now = new Date(),
): Promise<UploadScansResponse> {
  const results = await recordScans(
    device,
    input.scans.map((s) => ({
      nonce: s.nonce,
      code: s.code,
      ticketId: s.ticketId,
      scannedAt: s.scannedAt,
      mode: s.deviceResult === "admitted" ? "admitted" : "refused",
    })),
    now,
  );
  const since = input.since ? new Date(input.since) : new Date(now.getTime() - DEFAULT_RECENT_WINDOW_MS);
  const revocationCursor = decodeSyncCursor(input.cursor)?.r;
  const [recent, revoked] = await Promise.all([
    db.checkin.findMany({
      where: {
        eventId: device.eventId,
        event: { organizerId: device.organizerId },
        // People another door let in: first admissions, and offline admissions recorded as duplicates.
        OR: [{ result: "admitted" }, { result: "duplicate", forced: true }],
        receivedAt: { gte: since },
        ticketId: { not: null },
        NOT: { deviceId: device.id },
      },
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take: MAX_RECENT,
      select: { ticketId: true, scannedAt: true, device: { select: { name: true } } },
    }),
    revocationCursor === undefined
      ? Promise.resolve([])
      : db.revokedSecret.findMany({
          where: { eventId: device.eventId, id: { gt: BigInt(revocationCursor) } },
          orderBy: { id: "asc" },
          take: 50_000,
          select: { secretHash: true, reason: true },
        }),
  ]);
  const recentAdmissions: RecentAdmission[] = recent.map((c) => ({
    ticketId: c.ticketId ?? "",
    scannedAt: c.scannedAt.toISOString(),
    deviceName: c.device?.name ?? null,
  }));
  const revocations: Revocation[] = revoked.map((r) => ({
    codeHash: codeHashFromSecretHash(r.secretHash),
    reason: r.reason,
  }));
  return { results, recentAdmissions, revocations, serverTime: now.toISOString() };
}
