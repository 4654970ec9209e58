// POST /api/tickets/tickets/validate: one live scan, decided by the server (and recorded).
import "server-only";
import type { AuthenticatedDevice } from "@/lib/checkin/authenticate-device";
import type { ValidateRequest, ValidateResponse } from "@/lib/checkin/contract";
import { recordScans } from "@/lib/checkin/record-scans";
import { db } from "@/lib/db";

export async function validateScan(
  device: AuthenticatedDevice,
  input: ValidateRequest,
  now = new Date(),
): Promise<ValidateResponse> {
  const [result] = await recordScans(device, [{ ...input, mode: "online" }], now);
  if (!result) throw new Error("recordScans returned no result");
  const ticket = result.ticketId
    ? await db.ticket.findFirst({
        where: { id: result.ticketId, eventId: device.eventId, organizerId: device.organizerId },
        select: {
          id: true,
          tierId: true,
          holderName: true,
          status: true,
          disputed: true,
          tier: { select: { name: true } },
        },
      })
    : null;
  return {
    ...result,
    ticket: ticket
      ? {
          id: ticket.id,
          tierId: ticket.tierId,
          tierName: ticket.tier.name,
          holderName: ticket.holderName,
          status: ticket.status,
          disputed: ticket.disputed,
        }
      : null,
  };
}
