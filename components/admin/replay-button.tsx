"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { ConfirmDialog } from "@/components/ui/dialog";
import { buttonClass, ui } from "@/components/ui/styles";

/** "Replay" for a dead-lettered Stripe event: asks first, then queues it once and refreshes the page. */
export function ReplayButton({ eventId }: { eventId: string }) {
  const router = useRouter();
  const replay = useMutation({
    mutationFn: () =>
      apiFetch<{ eventId: string; queued: boolean }>(
        `/api/tickets/admin/webhooks/${encodeURIComponent(eventId)}/replay`,
        { method: "POST" },
      ),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className={ui.stack}>
      {replay.isError ? (
        <Alert tone="error">{problemText(replay.error, "The replay could not be queued. Try again.")}</Alert>
      ) : null}
      {replay.isSuccess ? (
        <Alert tone="ok">
          {replay.data.queued
            ? "Replay queued: the worker processes the event in a moment."
            : "This event was already queued again: it is processed once."}
        </Alert>
      ) : null}
      <div>
        <ConfirmDialog
          title="Replay this event?"
          description="It goes back through its handler once. Handlers are idempotent: an order is paid at most once."
          confirmLabel="Replay"
          variant="primary"
          trigger={
            <button type="button" className={buttonClass()} disabled={replay.isPending}>
              {replay.isPending ? "Replaying…" : "Replay"}
            </button>
          }
          onConfirm={() => replay.mutate()}
        />
      </div>
    </div>
  );
}
