// A buyer's bank disputed a payment: the order and its valid tickets are flagged (scanners show "disputed —
// send to box office"), the organizer is emailed, the audit log says so. `clearDispute` undoes the flags
// when the dispute is won. Both idempotent under the order lock.
import "server-only";
import { auditAction, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";

export interface DisputeFact {
  orderId: string;
  disputeId: string;
  amountMinor: number;
  currency: string;
  reason: string;
}

export async function flagDispute(fact: DisputeFact): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM tickets_orders WHERE id = ${fact.orderId} FOR UPDATE`;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: fact.orderId },
      select: {
        id: true,
        organizerId: true,
        disputed: true,
        buyerName: true,
        event: { select: { title: true } },
        organizer: { select: { name: true, contactEmail: true } },
      },
    });
    const already = await tx.auditLog.count({
      where: {
        entityType: "order",
        entityId: order.id,
        action: auditAction("dispute.opened"),
        data: { path: ["disputeId"], equals: fact.disputeId },
      },
    });
    if (already > 0) return false;
    const { count } = await tx.ticket.updateMany({
      where: { orderId: order.id, status: "valid" },
      data: { disputed: true },
    });
    await tx.order.update({ where: { id: order.id }, data: { disputed: true } });
    await queueEmail(
      {
        to: order.organizer.contactEmail,
        template: "dispute-opened",
        props: {
          organizerName: order.organizer.name,
          eventTitle: order.event.title,
          buyerName: order.buyerName,
          amount: formatMoney(fact.amountMinor, fact.currency),
          reason: fact.reason.replace(/_/g, " ").slice(0, 100),
          ticketCount: count,
          orderUrl: new URL(`/tickets/organizer/orders/${order.id}`, env.APP_URL).toString(),
        },
        organizerId: order.organizerId,
        orderId: order.id,
      },
      { db: tx },
    );
    await recordAudit(tx, {
      organizerId: order.organizerId,
      actorType: "stripe",
      action: "dispute.opened",
      entityType: "order",
      entityId: order.id,
      data: { disputeId: fact.disputeId, amountMinor: fact.amountMinor, reason: fact.reason, tickets: count },
    });
    return true;
  });
}

export async function clearDispute(orderId: string, disputeId: string, outcome: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { id: true, organizerId: true, disputed: true },
    });
    if (!order.disputed) return false;
    await tx.ticket.updateMany({ where: { orderId, disputed: true }, data: { disputed: false } });
    await tx.order.update({ where: { id: orderId }, data: { disputed: false } });
    await recordAudit(tx, {
      organizerId: order.organizerId,
      actorType: "stripe",
      action: "dispute.won",
      entityType: "order",
      entityId: orderId,
      data: { disputeId, outcome },
    });
    return true;
  });
}
