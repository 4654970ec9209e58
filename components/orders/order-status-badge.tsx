import { badgeClass, type Tone } from "@/components/ui/styles";
import type { OrderStatusJson } from "@/lib/refunds/organizer-order-view";

export const ORDER_STATUS_LABELS: Record<OrderStatusJson, string> = {
  pending: "Pending",
  paid: "Paid",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};

const TONES: Record<OrderStatusJson, Tone> = {
  pending: "accent",
  paid: "ok",
  expired: "neutral",
  cancelled: "bad",
  refunded: "neutral",
  partially_refunded: "warn",
};

export function OrderStatusBadge({ status, testId }: { status: OrderStatusJson; testId?: string }) {
  return (
    <span className={badgeClass(TONES[status])} data-testid={testId}>
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}
