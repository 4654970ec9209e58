// The organizer's live check-in view of one event: per-tier progress, recent scans, duplicates, devices.
import "server-only";
import type { CheckinScanRow, EventCheckinsResponse } from "@/lib/checkin/contract";
import { assertScanningEnabled } from "@/lib/checkin/assert-scanning-enabled";
import { findEventDevices } from "@/lib/checkin/list-event-devices";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const scanSelect = {
  id: true,
  ticketId: true,
  result: true,
  reason: true,
  forced: true,
  manual: true,
  scannedAt: true,
  receivedAt: true,
  device: { select: { name: true } },
  ticket: { select: { holderName: true, tier: { select: { name: true } } } },
} as const;

type ScanRow = {
  id: string;
  ticketId: string | null;
  result: "admitted" | "duplicate" | "rejected";
  reason: string | null;
  forced: boolean;
  manual: boolean;
  scannedAt: Date;
  receivedAt: Date;
  device: { name: string } | null;
  ticket: { holderName: string | null; tier: { name: string } } | null;
};

function toRow(c: ScanRow): CheckinScanRow {
  return {
    id: c.id,
    ticketId: c.ticketId,
    holderName: c.ticket?.holderName ?? null,
    tierName: c.ticket?.tier.name ?? null,
    result: c.result,
    reason: c.reason,
    forced: c.forced,
    manual: c.manual,
    scannedAt: c.scannedAt.toISOString(),
    receivedAt: c.receivedAt.toISOString(),
    deviceName: c.device?.name ?? null,
  };
}

export async function getEventCheckins(
  organizerId: string,
  eventId: string,
  now = new Date(),
): Promise<EventCheckinsResponse> {
  assertScanningEnabled();
  const event = await db.event.findFirst({
    where: { id: eventId, organizerId },
    select: {
      id: true,
      title: true,
      timezone: true,
      startsAt: true,
      tiers: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } },
    },
  });
  if (!event) throw AppError.notFound("Event not found.");
  const [validByTier, admittedByTier, recent, duplicates, devices] = await Promise.all([
    db.ticket.groupBy({
      by: ["tierId"],
      where: { eventId: event.id, organizerId, status: "valid" },
      _count: { _all: true },
    }),
    db.$queryRaw<{ tier_id: string; admitted: bigint }[]>`
      SELECT t.tier_id, count(*) AS admitted
      FROM tickets_checkins c JOIN tickets_tickets t ON t.id = c.ticket_id
      WHERE c.event_id = ${event.id} AND t.organizer_id = ${organizerId} AND c.result = 'admitted'
      GROUP BY t.tier_id`,
    db.checkin.findMany({
      where: { eventId: event.id, event: { organizerId } },
      orderBy: [{ receivedAt: "desc" }, { scannedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: scanSelect,
    }),
    db.checkin.findMany({
      where: { eventId: event.id, event: { organizerId }, result: "duplicate" },
      orderBy: [{ receivedAt: "desc" }, { id: "asc" }],
      take: 100,
      select: scanSelect,
    }),
    findEventDevices(organizerId, event.id, now),
  ]);
  const duplicateTicketIds = [...new Set(duplicates.flatMap((d) => (d.ticketId ? [d.ticketId] : [])))];
  const firsts = await db.checkin.findMany({
    where: { eventId: event.id, ticketId: { in: duplicateTicketIds }, result: "admitted" },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    select: { ticketId: true, scannedAt: true, device: { select: { name: true } } },
  });
  const firstByTicket = new Map<string, { scannedAt: string; deviceName: string | null }>();
  for (const f of firsts) {
    if (f.ticketId && !firstByTicket.has(f.ticketId)) {
      firstByTicket.set(f.ticketId, {
        scannedAt: f.scannedAt.toISOString(),
        deviceName: f.device?.name ?? null,
      });
    }
  }
  const tiers = event.tiers.map((t) => ({
    id: t.id,
    name: t.name,
    admitted: Number(admittedByTier.find((a) => a.tier_id === t.id)?.admitted ?? 0),
    valid: validByTier.find((v) => v.tierId === t.id)?._count._all ?? 0,
  }));
  return {
    event: {
      id: event.id,
      title: event.title,
      timezone: event.timezone,
      startsAt: event.startsAt.toISOString(),
    },
    totals: {
      admitted: tiers.reduce((sum, t) => sum + t.admitted, 0),
      valid: tiers.reduce((sum, t) => sum + t.valid, 0),
    },
    tiers,
    recentScans: recent.map(toRow),
    duplicates: duplicates.map((d) => ({
      ...toRow(d),
      firstAdmission: d.ticketId ? (firstByTicket.get(d.ticketId) ?? null) : null,
    })),
    devices,
    serverTime: now.toISOString(),
  };
}
