// POST /api/tickets/orders/:id/refund: an organizer (owner/manager) or a platform admin asks for a refund of
// the whole order, chosen tickets, or an amount. Lock → check → write in one transaction: a pending Refund
// row, its `refunds.submit` job and the audit entry; Stripe is called by the job after commit. The pending
// row reserves its amount and tickets, so two quick clicks can never refund more than was paid.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { formatEventTime } from "@/lib/events/format-event-time";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { RefundAllocation } from "@/lib/money/allocate-refund";
import { PricingError } from "@/lib/money/pricing-error";
import { lockOrder } from "@/lib/orders/lock-order";
import { planOrderRefund, refundableItemsSelect } from "@/lib/refunds/refund-allocation";
import { submitRefundJob, submitRefundSingletonKey } from "@/lib/refunds/submit-refund-job";

export const refundRequestSchema = z
  .object({
    ticketIds: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
    amountMinor: z.number().int().optional(),
    /** Emailed to the buyer with the refund. */
    reason: z.string().trim().min(1, "give a reason").max(500),
    /** For the organizer's team only: stored and audited, never emailed. Blank counts as none. */
    internalNote: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((v) => v || null),
    adminOverrideNote: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((v) => !(v.ticketIds && v.amountMinor !== undefined), {
    message: "choose tickets or an amount, not both",
    path: ["amountMinor"],
  });

export type RefundRequest = z.input<typeof refundRequestSchema>;

/** Who asks: an organizer member (organizerId = their tenant) or a platform admin (organizerId null). */
export interface RefundActor {
  userId: string;
  organizerId: string | null;
  isAdmin: boolean;
  /** Set when the actor acts as a platform admin. */
  adminOverrideNote?: string | null;
}

export interface RequestedRefund {
  id: string;
  orderId: string;
  amountMinor: number;
  ticketIds: string[];
  status: "pending";
}

/** Kind of refund, for the reason that goes to Stripe metadata and the revocation list. */
export type RefundRequestSource = "organizer" | "admin" | "event_cancelled";

export async function requestRefund(
  actor: RefundActor,
  orderId: string,
  input: unknown,
  options: { now?: Date; source?: RefundRequestSource; skipDeadline?: boolean } = {},
): Promise<RequestedRefund> {
  const body = parseInput(refundRequestSchema, input);
  const now = options.now ?? new Date();
  const adminNote = actor.isAdmin ? (body.adminOverrideNote ?? actor.adminOverrideNote ?? null) : null;
  if (body.adminOverrideNote && !actor.isAdmin) {
    throw new AppError("forbidden", "Only platform admins can override refund rules.");
  }
  if (actor.organizerId === null && !adminNote) {
    throw AppError.validation("adminOverrideNote", "platform admins must say why they act on this order");
  }

  return db.$transaction(
    async (tx) => {
      await lockOrder(tx, orderId, actor.organizerId);
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: {
          id: true,
          organizerId: true,
          status: true,
          channel: true,
          paidAt: true,
          currency: true,
          totalMinor: true,
          refundedMinor: true,
          event: { select: { allowRefundsUntil: true, timezone: true } },
          items: refundableItemsSelect,
          tickets: { select: { id: true, tierId: true, status: true } },
          refunds: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { status: true, amountMinor: true, ticketIds: true, allocation: true },
          },
        },
      });
      if (order.channel === "comp") {
        // Nothing was paid; there is no void path for tickets outside a refund yet, so comps stay as issued.
        throw new AppError(
          "validation",
          "This is a comp order: nothing was paid, so there is nothing to refund. Its tickets cannot be voided here.",
          { fields: [{ field: "orderId", message: "is a comp order: nothing to refund" }] },
        );
      }
      if (order.status === "refunded") throw AppError.conflict("This order is already fully refunded.");
      // A cancelled order whose payment landed (it could not be honoured) may need its refund sent again.
      const paidButCancelled = order.status === "cancelled" && order.paidAt !== null;
      if (order.status !== "paid" && order.status !== "partially_refunded" && !paidButCancelled) {
        throw AppError.conflict("Only paid orders can be refunded.");
      }
      const deadline = order.event.allowRefundsUntil;
      if (deadline && now > deadline && !adminNote && !options.skipDeadline && !paidButCancelled) {
        throw AppError.conflict(
          `Refunds for this event closed on ${formatEventTime(deadline, order.event.timezone)} (${deadline.toISOString()}). A platform admin can override this with a note.`,
        );
      }

      const pending = order.refunds.filter((r) => r.status === "pending");
      const reservedMinor = pending.reduce((sum, r) => sum + r.amountMinor, 0);
      const remainingMinor = order.totalMinor - order.refundedMinor - reservedMinor;
      if (remainingMinor <= 0) {
        throw AppError.conflict("A refund of the rest of this order is already pending.");
      }
      const reservedTickets = new Set(pending.flatMap((r) => r.ticketIds));
      const open = order.tickets.filter((t) => t.status === "valid" && !reservedTickets.has(t.id));
      let field: "ticketIds" | "amountMinor";
      let amount: number | undefined;
      let ticketIds: string[];
      if (body.ticketIds) {
        const ids = [...new Set(body.ticketIds)];
        const openIds = new Set(open.map((t) => t.id));
        if (ids.some((id) => !openIds.has(id))) {
          throw AppError.validation(
            "ticketIds",
            "some tickets are not in this order, or are already refunded or being refunded",
          );
        }
        field = "ticketIds";
        ticketIds = ids;
      } else if (body.amountMinor !== undefined) {
        if (body.amountMinor < 1 || body.amountMinor > remainingMinor) {
          throw AppError.validation(
            "amountMinor",
            `must be a whole amount from 1 to ${remainingMinor} (what is left to refund)`,
          );
        }
        field = "amountMinor";
        amount = body.amountMinor;
        ticketIds = amount === remainingMinor ? open.map((t) => t.id) : [];
      } else {
        field = "amountMinor";
        amount = remainingMinor;
        ticketIds = open.map((t) => t.id);
      }

      // The split over price, fee, tax and the parties, after the refunds made or reserved before (their
      // tickets took the first shares of their lines). Stored, so the job moves exactly these amounts.
      let allocation: RefundAllocation;
      try {
        allocation = planOrderRefund(
          { ...order, refunds: order.refunds.filter((r) => r.status !== "failed") },
          { ticketIds, amountMinor: amount },
        );
      } catch (error) {
        if (error instanceof PricingError) throw AppError.validation(field, error.message);
        throw error;
      }
      const amountMinor = allocation.amountMinor;
      if (amountMinor < 1)
        throw AppError.validation("ticketIds", "these tickets were free: nothing to refund");

      const source: RefundRequestSource = options.source ?? (adminNote ? "admin" : "organizer");
      const refund = await tx.refund.create({
        data: {
          organizerId: order.organizerId,
          orderId: order.id,
          amountMinor,
          reason: body.reason,
          internalNote: body.internalNote ?? null,
          status: "pending",
          ticketIds,
          requestedById: actor.userId,
          adminOverride: adminNote,
          allocation: allocation as unknown as Prisma.InputJsonValue,
          applicationFeeMinor: allocation.applicationFeeMinor,
        },
        select: { id: true },
      });
      await enqueueJob(
        submitRefundJob,
        { refundId: refund.id, source },
        { db: tx, singletonKey: submitRefundSingletonKey(refund.id) },
      );
      await recordAudit(tx, {
        organizerId: order.organizerId,
        actorUserId: actor.userId,
        actorType: adminNote ? "admin" : source === "event_cancelled" ? "system" : "user",
        action: adminNote ? "refund.requested_with_admin_override" : "refund.requested",
        entityType: "order",
        entityId: order.id,
        data: {
          refundId: refund.id,
          amountMinor,
          applicationFeeMinor: allocation.applicationFeeMinor,
          ticketIds,
          reason: body.reason,
          ...(body.internalNote ? { internalNote: body.internalNote } : {}),
          source,
          ...(adminNote ? { adminOverrideNote: adminNote } : {}),
          ...(deadline && now > deadline ? { pastDeadline: deadline.toISOString() } : {}),
        },
      });
      return { id: refund.id, orderId: order.id, amountMinor, ticketIds, status: "pending" as const };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
