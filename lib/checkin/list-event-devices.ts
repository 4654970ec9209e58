import "server-only";
import type { DeviceStatus, DeviceSummary } from "@/lib/checkin/contract";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export function deviceStatus(
  device: { revokedAt: Date | null; provisionedAt: Date | null; provisioningExpiresAt: Date | null },
  now: Date,
): DeviceStatus {
  if (device.revokedAt) return "revoked";
  if (device.provisionedAt) return "active";
  if (device.provisioningExpiresAt && device.provisioningExpiresAt <= now) return "expired";
  return "pending";
}

/** The event's scanner devices, newest first, with their scan counts; 404 for another organizer's event. */
export async function listEventDevices(
  organizerId: string,
  eventId: string,
  now = new Date(),
): Promise<{ devices: DeviceSummary[] }> {
  assertScanningEnabled();
  const event = await db.event.findFirst({ where: { id: eventId, organizerId }, select: { id: true } });
  if (!event) throw AppError.notFound("Event not found.");
  return { devices: await findEventDevices(organizerId, event.id, now) };
}

/** Same as listEventDevices, for an event already checked to belong to the organizer. */
export async function findEventDevices(
  organizerId: string,
  eventId: string,
  now = new Date(),
): Promise<DeviceSummary[]> {
  const [devices, counts] = await Promise.all([
    db.scannerDevice.findMany({
      where: { eventId, organizerId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        createdAt: true,
        provisionedAt: true,
        provisioningExpiresAt: true,
        lastSeenAt: true,
        revokedAt: true,
      },
    }),
    db.checkin.groupBy({
      by: ["deviceId", "result"],
      where: { eventId, device: { organizerId } },
      _count: { _all: true },
    }),
  ]);
  return devices.map((d) => {
    const scans = { total: 0, admitted: 0, duplicate: 0, rejected: 0 };
    for (const c of counts) {
      if (c.deviceId !== d.id) continue;
      scans[c.result] += c._count._all;
      scans.total += c._count._all;
    }
    return {
      id: d.id,
      name: d.name,
      status: deviceStatus(d, now),
      createdAt: d.createdAt.toISOString(),
      provisionedAt: d.provisionedAt?.toISOString() ?? null,
      provisioningExpiresAt: d.provisionedAt ? null : (d.provisioningExpiresAt?.toISOString() ?? null),
      lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
      revokedAt: d.revokedAt?.toISOString() ?? null,
      scans,
    };
  });
}
