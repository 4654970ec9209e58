// The order detail's timeline: audit entries about the order, its tickets and its refunds, oldest first,
// with readable labels. Tenant-scoped twice: the order must be the organizer's, and so must each entry.
import "server-only";
import { auditActionLabel, auditActorLabel } from "@/lib/audit/audit-labels";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface OrderTimelineEntry {
  id: string;
  at: string;
  action: string;
  label: string;
  actor: string;
}

const MAX_ENTRIES = 200;

export async function getOrderTimeline(organizerId: string, orderId: string): Promise<OrderTimelineEntry[]> {
  const order = await db.order.findFirst({
    where: { id: orderId, organizerId },
    select: {
      id: true,
      tickets: { where: { organizerId }, select: { id: true } },
      refunds: { where: { organizerId }, select: { id: true } },
    },
  });
  if (!order) throw AppError.notFound("Order not found.");
  const rows = await db.auditLog.findMany({
    where: {
      organizerId,
      OR: [
        { entityType: "order", entityId: order.id },
        ...(order.tickets.length > 0
          ? [{ entityType: "ticket", entityId: { in: order.tickets.map((t) => t.id) } }]
          : []),
        ...(order.refunds.length > 0
          ? [{ entityType: "refund", entityId: { in: order.refunds.map((r) => r.id) } }]
          : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_ENTRIES,
    select: {
      id: true,
      createdAt: true,
      action: true,
      actorType: true,
      actor: { select: { email: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    action: row.action,
    label: auditActionLabel(row.action),
    actor: auditActorLabel(row.actorType, row.actor?.email ?? null),
  }));
}
