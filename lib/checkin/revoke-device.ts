import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Revokes one of the organizer's devices (its token and any unused link stop working); 404 for others'. */
export async function revokeDevice(
  organizerId: string,
  deviceId: string,
  actor: { userId: string },
  now = new Date(),
): Promise<void> {
  assertScanningEnabled();
  await db.$transaction(async (tx) => {
    const device = await tx.scannerDevice.findFirst({
      where: { id: deviceId, organizerId },
      select: { id: true, eventId: true, revokedAt: true },
    });
    if (!device) throw AppError.notFound("Device not found.");
    if (device.revokedAt) return;
    await tx.scannerDevice.updateMany({
      where: { id: device.id, organizerId },
      data: { revokedAt: now, provisioningTokenHash: null },
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "checkin.device.revoked",
      entityType: "scanner_device",
      entityId: device.id,
      data: { eventId: device.eventId },
    });
  });
}
