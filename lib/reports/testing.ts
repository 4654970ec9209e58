// Test helpers for reports: orders written straight to the database with the money columns a priced order
// stores (totals, application fee, tax lines), refunds and check-ins, so figures can be checked by hand.
import "server-only";
import { db, type OrderStatus, type RefundStatus } from "@/lib/db";
import { createOrder } from "@/lib/testing/factories";

export interface StoredOrderInput {
  tierId: string;
  quantity?: number;
  status?: OrderStatus;
  channel?: "online" | "comp";
  totalMinor?: number;
  applicationFeeMinor?: number;
  taxLines?: { name: string; rateBps: number; inclusive: boolean; amountMinor: number }[];
  discountId?: string | null;
  discountMinor?: number;
  paidAt?: Date | null;
}

/** An order with stored money (a comp gets zero money); paid-like orders get tickets (createOrder). */
export async function createStoredOrder(eventId: string, input: StoredOrderInput) {
  const quantity = input.quantity ?? 1;
  const comp = input.channel === "comp";
  const order = await createOrder(eventId, {
    tierId: input.tierId,
    quantity,
    status: input.status ?? "paid",
    discountId: input.discountId ?? null,
    unitPriceMinor: comp ? 0 : 2500,
  });
  const taxLines = comp ? [] : (input.taxLines ?? []);
  const taxMinor = taxLines.reduce((sum, t) => sum + t.amountMinor, 0);
  return db.order.update({
    where: { id: order.id },
    data: {
      channel: input.channel ?? "online",
      totalMinor: comp ? 0 : (input.totalMinor ?? 2500 * quantity + taxMinor),
      applicationFeeMinor: comp ? 0 : (input.applicationFeeMinor ?? 0),
      taxMinor,
      taxLines,
      discountMinor: comp ? 0 : (input.discountMinor ?? 0),
      paidAt: input.paidAt === undefined ? new Date() : input.paidAt,
    },
    include: { tickets: { orderBy: { id: "asc" } } },
  });
}

/** A Refund row of the order as applyRefund and refunds.settle leave it (status, platform part). */
export async function createStoredRefund(
  order: { id: string; organizerId: string },
  input: {
    amountMinor: number;
    status?: RefundStatus;
    applicationFeeMinor?: number | null;
    applicationFeeRefundedMinor?: number | null;
    createdAt?: Date;
  },
) {
  return db.refund.create({
    data: {
      organizerId: order.organizerId,
      orderId: order.id,
      amountMinor: input.amountMinor,
      status: input.status ?? "succeeded",
      applicationFeeMinor: input.applicationFeeMinor ?? null,
      applicationFeeRefundedMinor: input.applicationFeeRefundedMinor ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

/** An admitted (or other) scan of the ticket at its event. */
export async function createStoredCheckin(
  ticket: { id: string; eventId: string },
  result: "admitted" | "duplicate" | "rejected" = "admitted",
) {
  return db.checkin.create({
    data: {
      eventId: ticket.eventId,
      ticketId: ticket.id,
      nonce: `n-${ticket.id}-${result}-${Math.random().toString(36).slice(2)}`,
      result,
      scannedAt: new Date(),
    },
  });
}
