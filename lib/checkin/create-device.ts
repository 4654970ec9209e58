// An organizer creates a scanner link for one of its events: a single-use provisioning token, valid 24 h.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CreateDeviceRequest, CreateDeviceResponse } from "@/lib/checkin/contract";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { generateToken } from "@/lib/checkin/device-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const PROVISIONING_TTL_MS = 24 * 60 * 60_000;

export function provisioningUrl(token: string): string {
  const url = new URL("/tickets/checkin", env.APP_URL);
  url.searchParams.set("provision", token);
  return url.toString();
}

export async function createDevice(
  organizerId: string,
  eventId: string,
  input: CreateDeviceRequest,
  actor: { userId: string },
  now = new Date(),
): Promise<CreateDeviceResponse> {
  assertScanningEnabled();
  const { token, hash } = generateToken();
  const expiresAt = new Date(now.getTime() + PROVISIONING_TTL_MS);
  const device = await db.$transaction(async (tx) => {
    const event = await tx.event.findFirst({ where: { id: eventId, organizerId }, select: { id: true } });
    if (!event) throw AppError.notFound("Event not found.");
    const created = await tx.scannerDevice.create({
      data: {
        organizerId,
        eventId: event.id,
        name: input.name,
        provisioningTokenHash: hash,
        provisioningExpiresAt: expiresAt,
        createdById: actor.userId,
      },
      select: { id: true, name: true, createdAt: true },
    });
    await recordAudit(tx, {
      organizerId,
      actorUserId: actor.userId,
      actorType: "user",
      action: "checkin.device.created",
      entityType: "scanner_device",
      entityId: created.id,
      data: { eventId: event.id, name: created.name },
    });
    return created;
  });
  return {
    device: { id: device.id, name: device.name, createdAt: device.createdAt.toISOString() },
    provisioningUrl: provisioningUrl(token),
    expiresAt: expiresAt.toISOString(),
  };
}
