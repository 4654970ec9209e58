// The buyer did not pay (the Checkout Session expired, or an asynchronous payment failed): a pending order
// releases its holds. An order that is already paid is left alone, so an `expired` event delivered after
// `completed` changes nothing.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { releaseHolds } from "@/lib/inventory/release-holds";

export async function expireOrder(
  orderId: string,
  reason: "expired" | "payment_failed",
  now = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string; organizer_id: string }[]>`
      SELECT status::text AS status, organizer_id FROM tickets_orders WHERE id = ${orderId} FOR UPDATE`;
    const row = locked[0];
    if (!row || row.status !== "pending") return false;
    await releaseHolds(tx, orderId);
    await tx.order.update({
      where: { id: orderId },
      data: reason === "expired" ? { status: "expired" } : { status: "cancelled", cancelledAt: now },
    });
    await recordAudit(tx, {
      organizerId: row.organizer_id,
      actorType: "stripe",
      action: reason === "expired" ? "order.expired" : "order.payment_failed",
      entityType: "order",
      entityId: orderId,
    });
    return true;
  });
}
