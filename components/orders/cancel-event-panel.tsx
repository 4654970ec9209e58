"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import type { CancellationProgress } from "@/lib/events/cancel-event";

/**
 * "Cancel event" with a confirmation, then the refunds' progress (n of N), failures with Stripe's reason
 * and "Retry failed refunds". Polls while refunds are in flight. Mount on the portal event page.
 */
export function CancelEventPanel({ eventId }: { eventId: string }) {
  const queryClient = useQueryClient();
  const key = ["events", eventId, "cancellation"] as const;
  const path = `/api/tickets/events/${encodeURIComponent(eventId)}/cancel`;
  const [confirming, setConfirming] = useState(false);
  const progress = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<CancellationProgress>(path),
    refetchInterval: (q) => (q.state.data?.status === "cancelled" && !q.state.data.done ? 2000 : false),
  });
  const onSuccess = (data: CancellationProgress) => {
    setConfirming(false);
    queryClient.setQueryData(key, data);
  };
  const cancel = useMutation({
    mutationFn: () => apiFetch<CancellationProgress>(path, { method: "POST" }),
    onSuccess,
  });
  const retry = useMutation({
    mutationFn: () => apiFetch<CancellationProgress>(`${path}/retry`, { method: "POST" }),
    onSuccess,
  });
  const error = cancel.error ?? retry.error;
  const data = progress.data;
  if (!data) return null;

  if (data.status !== "cancelled") {
    if (data.status === "archived") return null;
    return (
      <section className={cx(ui.card, ui.stack)} aria-label="Cancel event">
        {confirming ? (
          <>
            <p>
              Cancel this event? Sales stop now and every paid order ({data.total}) is refunded in full. This
              cannot be undone.
            </p>
            <div className={ui.row}>
              <button
                type="button"
                className={buttonClass({ variant: "danger" })}
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                Yes, cancel event and refund everyone
              </button>
              <button
                type="button"
                className={buttonClass({ variant: "secondary" })}
                onClick={() => setConfirming(false)}
              >
                Keep event
              </button>
            </div>
          </>
        ) : (
          <div>
            <button
              type="button"
              className={buttonClass({ variant: "danger" })}
              onClick={() => setConfirming(true)}
            >
              Cancel event
            </button>
          </div>
        )}
        {error instanceof ApiError ? <Alert tone="error">{error.problem.detail}</Alert> : null}
      </section>
    );
  }

  return (
    <section className={cx(ui.card, ui.stack)} aria-label="Cancellation progress">
      <strong>Event cancelled</strong>
      <p role="status">
        {data.refunded} of {data.total} orders refunded
        {data.pending > 0 ? ` · ${data.pending} waiting for Stripe` : ""}
        {data.done ? " · done" : ""}
      </p>
      {data.failed.length > 0 ? (
        <>
          <ul className="list-disc pl-5">
            {data.failed.map((f) => (
              <li key={f.orderId}>
                <a href={`/tickets/organizer/orders/${f.orderId}`}>{f.buyerName}</a>: {f.failureReason}
              </li>
            ))}
          </ul>
          <div>
            <button
              type="button"
              className={buttonClass()}
              disabled={retry.isPending || data.working}
              onClick={() => retry.mutate()}
            >
              Retry failed refunds
            </button>
          </div>
        </>
      ) : null}
      {error instanceof ApiError ? <Alert tone="error">{error.problem.detail}</Alert> : null}
    </section>
  );
}
