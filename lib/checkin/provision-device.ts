// A door phone exchanges its scanner link (provisioning token) once for a device token.
import "server-only";
import { PROVISIONING_LINK_GONE_MESSAGE, type ProvisionResponse } from "@/lib/checkin/contract";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { generateToken, hashToken } from "@/lib/checkin/device-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function provisionDevice(
  provisioningToken: string,
  now = new Date(),
): Promise<ProvisionResponse> {
  assertScanningEnabled();
  const gone = () => AppError.notFound(PROVISIONING_LINK_GONE_MESSAGE);
  const device = await db.scannerDevice.findUnique({
    where: { provisioningTokenHash: hashToken(provisioningToken) },
    select: { id: true, name: true, organizerId: true, event: { select: { id: true, title: true } } },
  });
  if (!device) throw gone();
  const { token, hash } = generateToken();
  // One conditional update: of two concurrent exchanges of one link, exactly one matches (and is audited).
  await db.$transaction(async (tx) => {
    const claimed = await tx.scannerDevice.updateMany({
      where: {
        id: device.id,
        organizerId: device.organizerId,
        provisioningTokenHash: hashToken(provisioningToken),
        provisioningExpiresAt: { gt: now },
        revokedAt: null,
        tokenHash: null,
      },
      data: { provisioningTokenHash: null, tokenHash: hash, provisionedAt: now, lastSeenAt: now },
    });
    if (claimed.count !== 1) throw gone();
    await recordAudit(tx, {
      organizerId: device.organizerId,
      actorType: "device",
      action: "checkin.device.provisioned",
      entityType: "scanner_device",
      entityId: device.id,
      data: { name: device.name, eventId: device.event.id },
    });
  });
  return {
    deviceToken: token,
    device: { id: device.id, name: device.name },
    event: { id: device.event.id, title: device.event.title },
  };
}
