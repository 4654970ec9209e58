// A refund Stripe refused or could not complete: the Refund row ends `failed` with Stripe's reason, shown
// to the organizer; its amount is free to refund again. A refund already applied is never un-applied here.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export async function markRefundFailed(
  key: { refundId?: string | null; stripeRefundId?: string | null },
  failureReason: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = key.stripeRefundId
      ? await tx.refund.findUnique({ where: { stripeRefundId: key.stripeRefundId } })
      : null;
    const refund = row ?? (key.refundId ? await tx.refund.findUnique({ where: { id: key.refundId } }) : null);
    if (!refund) return false;
    const { count } = await tx.refund.updateMany({
      where: { id: refund.id, status: "pending" },
      data: {
        status: "failed",
        failureReason: failureReason.slice(0, 1000),
        ...(key.stripeRefundId && !refund.stripeRefundId ? { stripeRefundId: key.stripeRefundId } : {}),
      },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      organizerId: refund.organizerId,
      actorType: "stripe",
      action: "refund.failed",
      entityType: "order",
      entityId: refund.orderId,
      data: { refundId: refund.id, stripeRefundId: key.stripeRefundId ?? null, failureReason },
    });
    return true;
  });
}
