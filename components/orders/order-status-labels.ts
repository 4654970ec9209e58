import type { OrderStatusJson } from "@/lib/refunds/organizer-order-view";

export const ORDER_STATUS_LABELS: Record<OrderStatusJson, string> = {
  pending: "Pending",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};
