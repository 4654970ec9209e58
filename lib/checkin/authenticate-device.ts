// Scanner device authentication: `Authorization: Bearer <deviceToken>`. Least privilege: the device acts
// for one event of one organizer, and only through the check-in endpoints.
import "server-only";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { REVOKED_DEVICE_MESSAGE, UNKNOWN_DEVICE_MESSAGE } from "@/lib/checkin/contract";
import { hashToken } from "@/lib/checkin/device-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface AuthenticatedDevice {
  id: string;
  name: string;
  eventId: string;
  organizerId: string;
}

/** Do not write lastSeenAt more often than this per device. */
const LAST_SEEN_RESOLUTION_MS = 15_000;

export function readBearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The device the request comes from; 401 (with a message the scanner shows) when unknown or revoked. */
export async function authenticateDevice(request: Request, now = new Date()): Promise<AuthenticatedDevice> {
  assertScanningEnabled();
  const token = readBearerToken(request);
  if (!token) throw new AppError("unauthorized", UNKNOWN_DEVICE_MESSAGE);
  const device = await db.scannerDevice.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, eventId: true, organizerId: true, revokedAt: true, lastSeenAt: true },
  });
  if (!device) throw new AppError("unauthorized", UNKNOWN_DEVICE_MESSAGE);
  if (device.revokedAt) throw new AppError("unauthorized", REVOKED_DEVICE_MESSAGE);
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.scannerDevice.updateMany({
      where: { id: device.id, organizerId: device.organizerId },
      data: { lastSeenAt: now },
    });
  }
  return { id: device.id, name: device.name, eventId: device.eventId, organizerId: device.organizerId };
}
