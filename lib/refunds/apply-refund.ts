// THE convergence point. Every path that gives money back — our Refund button (via Stripe's refund events),
// a refund made in the Stripe dashboard (`charge.refunded` with no Refund row of ours), a lost dispute and
// event cancellation — ends here, so the database ends in one state whichever way the money went back:
//
//   Refund row succeeded (one per Stripe refund id; created for refunds we did not request),
//   the tickets it covers `refunded` with voidedAt, their secret hashes appended to the revocation list,
//   order.refundedMinor += amount, order `refunded` (nothing left) or `partially_refunded`,
//   the refund allocated over price / fee / tax and the parties (the allocation our request stored, else
//   allocateRefund after the earlier refunds) and stored in the audit entry,
//   the buyer's refund email queued, one audit entry `refund.applied`,
//   for a refund we sent: its refunds.settle job, which moves the organizer's and the platform's parts.
//
// Idempotent per Stripe refund id under SELECT … FOR UPDATE on the order: a duplicate or late delivery finds
// the Refund row succeeded and changes nothing. Capacity needs no write: availability counts valid tickets.
//
// Which tickets a refund voids: the ones our request chose (Refund.ticketIds); every remaining valid ticket
// when the refund brings the order to fully refunded (whole order, event cancellation, lost dispute, a
// dashboard refund of the rest); none for a partial amount (the tickets stay valid).
import "server-only";
import { recordAudit, type AuditActorType } from "@/lib/audit/record-audit";
import { db, type Db, type Prisma } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { log } from "@/lib/log";
import { formatMoney } from "@/lib/money/format-money";
import { lockOrder } from "@/lib/orders/lock-order";
import { orderLinkForEmail } from "@/lib/orders/order-link-for-email";
import {
  allocateNextRefund,
  parseStoredAllocation,
  refundableItemsSelect,
  ticketTiers,
  toPriorRefunds,
  toRefundableOrder,
} from "@/lib/refunds/refund-allocation";
import { settleRefundJob, settleRefundSingletonKey } from "@/lib/refunds/settle-refund-job";

export type RefundSource =
  "organizer" | "admin" | "stripe_dashboard" | "dispute_lost" | "event_cancelled" | "late_payment";

export interface RefundFact {
  orderId: string;
  /** Stripe's id for the money movement (re_… for a refund, dp_… for a lost dispute): the idempotency key. */
  stripeRefundId: string;
  /** Our Refund row, when the refund's metadata names one. */
  refundId?: string | null;
  amountMinor: number;
  source: RefundSource;
  /** For rows we create (refunds we did not request). */
  reason?: string;
  /** Void every remaining valid ticket whatever the amount (a lost dispute takes the whole order back). */
  voidAllTickets?: boolean;
}

export type ApplyRefundResult =
  | { applied: true; refundId: string; voidedTicketIds: string[]; orderStatus: string }
  | { applied: false; refundId: string | null; reason: "already_applied" };

const REVOCATION_REASON: Record<RefundSource, string> = {
  organizer: "refunded",
  admin: "refunded",
  stripe_dashboard: "refunded",
  dispute_lost: "dispute_lost",
  event_cancelled: "event_cancelled",
  late_payment: "refunded",
};

export async function applyRefund(fact: RefundFact, now = new Date()): Promise<ApplyRefundResult> {
  if (!Number.isSafeInteger(fact.amountMinor) || fact.amountMinor < 1) {
    throw new Error(`refund ${fact.stripeRefundId} has no positive amount`);
  }
  const result = await db.$transaction((tx) => applyRefundInTransaction(tx, fact, now), {
    timeout: 30_000,
    maxWait: 10_000,
  });
  log.info(
    { event: "tickets.refunds.apply", orderId: fact.orderId, stripeRefundId: fact.stripeRefundId, ...result },
    "refund converged",
  );
  return result;
}

async function applyRefundInTransaction(tx: Db, fact: RefundFact, now: Date): Promise<ApplyRefundResult> {
  await lockOrder(tx, fact.orderId);

  const order = await tx.order.findUniqueOrThrow({
    where: { id: fact.orderId },
    select: {
      id: true,
      organizerId: true,
      eventId: true,
      status: true,
      currency: true,
      totalMinor: true,
      refundedMinor: true,
      buyerName: true,
      buyerEmail: true,
      event: { select: { title: true } },
      items: refundableItemsSelect,
      tickets: { select: { id: true, tierId: true, status: true, secretHash: true } },
    },
  });

  // Our row: by Stripe's id first (a redelivery), then by the id in the refund's metadata.
  let row = await tx.refund.findUnique({ where: { stripeRefundId: fact.stripeRefundId } });
  if (!row && fact.refundId) {
    row = await tx.refund.findFirst({ where: { id: fact.refundId, orderId: order.id } });
  }
  if (row?.status === "succeeded") return { applied: false, refundId: row.id, reason: "already_applied" };

  const amountMinor = fact.amountMinor;
  const refundedMinor = Math.min(order.totalMinor, order.refundedMinor + amountMinor);
  if (order.refundedMinor + amountMinor > order.totalMinor) {
    log.warn(
      { event: "tickets.refunds.over_total", orderId: order.id, stripeRefundId: fact.stripeRefundId },
      "refunds exceed the order total (e.g. Stripe Tax added on top); refunded amount capped",
    );
  }
  const full = refundedMinor >= order.totalMinor;
  const valid = order.tickets.filter((t) => t.status === "valid");
  const chosen = new Set(row?.ticketIds ?? []);
  const toVoid = full || fact.voidAllTickets ? valid : valid.filter((t) => chosen.has(t.id));

  // Allocation: the one our request stored, else replay the refunds applied before this one, in order.
  const stored = parseStoredAllocation(row?.allocation);
  let allocation = stored?.amountMinor === amountMinor ? stored : null;
  if (!allocation) {
    const previous = await tx.refund.findMany({
      where: { orderId: order.id, status: "succeeded" },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { amountMinor: true, ticketIds: true, allocation: true },
    });
    const tiersOf = ticketTiers(order.tickets);
    allocation = allocateNextRefund(toRefundableOrder(order), toPriorRefunds(previous, tiersOf), {
      amountMinor,
      ticketTierIds: tiersOf(toVoid.map((t) => t.id)),
    });
  }

  const voidedTicketIds = toVoid.map((t) => t.id);
  const refund = row
    ? await tx.refund.update({
        where: { id: row.id },
        data: {
          status: "succeeded",
          amountMinor,
          stripeRefundId: fact.stripeRefundId,
          ticketIds: voidedTicketIds,
          failureReason: null,
        },
      })
    : await tx.refund.create({
        data: {
          organizerId: order.organizerId,
          orderId: order.id,
          amountMinor,
          status: "succeeded",
          stripeRefundId: fact.stripeRefundId,
          ticketIds: voidedTicketIds,
          reason: fact.reason ?? defaultReason(fact.source),
        },
      });

  if (toVoid.length > 0) {
    await tx.ticket.updateMany({
      where: { id: { in: voidedTicketIds }, orderId: order.id, status: "valid" },
      data: { status: "refunded", voidedAt: now, disputed: false },
    });
    await tx.revokedSecret.createMany({
      data: toVoid.map((t) => ({
        eventId: order.eventId,
        ticketId: t.id,
        secretHash: t.secretHash,
        reason: REVOCATION_REASON[fact.source],
      })),
    });
  }
  const status = full ? "refunded" : "partially_refunded";
  await tx.order.update({ where: { id: order.id }, data: { refundedMinor, status } });
  // A refund we sent: now that the buyer has it, the organizer and the platform give back their parts.
  if (refund.applicationFeeMinor !== null && !refund.settledAt) {
    await enqueueJob(
      settleRefundJob,
      { refundId: refund.id },
      { db: tx, singletonKey: settleRefundSingletonKey(refund.id) },
    );
  }

  await queueEmail(
    {
      to: order.buyerEmail,
      template: "refund-issued",
      props: {
        buyerName: order.buyerName,
        eventTitle: order.event.title,
        amount: formatMoney(amountMinor, order.currency),
        ticketCount: toVoid.length,
        fullyRefunded: full,
        ...(refund.reason ? { reason: refund.reason.slice(0, 500) } : {}),
        passesUrl: (await orderLinkForEmail(tx, order.id)).url,
      },
      organizerId: order.organizerId,
      orderId: order.id,
    },
    { db: tx },
  );
  await recordAudit(tx, {
    organizerId: order.organizerId,
    actorType: APPLIED_BY,
    action: "refund.applied",
    entityType: "order",
    entityId: order.id,
    data: {
      refundId: refund.id,
      stripeRefundId: fact.stripeRefundId,
      source: fact.source,
      amountMinor,
      refundedMinor,
      status,
      ticketIds: voidedTicketIds,
      allocation: (allocation ?? null) as unknown as Prisma.InputJsonValue,
    },
  });
  return { applied: true, refundId: refund.id, voidedTicketIds, orderStatus: status };
}

/** Applying is always driven by Stripe confirming the money moved; who asked is in the requested entry. */
const APPLIED_BY: AuditActorType = "stripe";

function defaultReason(source: RefundSource): string {
  switch (source) {
    case "stripe_dashboard":
      return "Refunded in the Stripe dashboard";
    case "dispute_lost":
      return "Dispute lost: the bank took the payment back";
    case "event_cancelled":
      return "Event cancelled";
    case "late_payment":
      return "Payment could not be honoured";
    default:
      return "Refund";
  }
}
