"use client";

import { useQuery } from "@tanstack/react-query";
import { orderQueryKey } from "@/components/orders/refund-form";
import { apiFetch } from "@/components/ui/api-client";
import { EmptyState } from "@/components/ui/empty-state";
import { cx, ui } from "@/components/ui/styles";
import type { OrderTimelineEntry } from "@/lib/audit/get-order-timeline";
import { formatInZone } from "@/lib/events/zoned-time";

/**
 * What happened to the order, from the audit log, in the organizer's zone. Its query key sits under the
 * order's, so a refund (which invalidates the order) refreshes it too.
 */
export function OrderTimeline({
  orderId,
  timeZone,
  initialEntries,
}: {
  orderId: string;
  timeZone: string;
  initialEntries: OrderTimelineEntry[];
}) {
  const query = useQuery({
    queryKey: [...orderQueryKey(orderId), "timeline"],
    queryFn: () =>
      apiFetch<{ entries: OrderTimelineEntry[] }>(
        `/api/tickets/orders/${encodeURIComponent(orderId)}/timeline`,
      ).then((r) => r.entries),
    initialData: initialEntries,
  });
  return (
    <section className={ui.stack} aria-labelledby="order-timeline-heading">
      <h2 id="order-timeline-heading">Timeline</h2>
      {query.data.length === 0 ? (
        <EmptyState title="Nothing recorded yet." />
      ) : (
        <ol className={cx(ui.card, "m-0 flex list-none flex-col gap-3")} data-testid="order-timeline">
          {query.data.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-0.5 border-l-2 border-line pl-3">
              <strong>{entry.label}</strong>
              <span className={ui.hint}>
                <time dateTime={entry.at}>{formatInZone(entry.at, timeZone)}</time> · {entry.actor}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
