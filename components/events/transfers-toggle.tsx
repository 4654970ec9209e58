"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { ui } from "@/components/ui/styles";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";

/** "Buyers may send tickets to someone else": the event's transfersEnabled, saved as soon as it changes. */
export function TransfersToggle({
  event,
  queryKey,
  disabled,
}: {
  event: OrganizerEvent;
  queryKey: readonly unknown[];
  disabled: boolean;
}) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (transfersEnabled: boolean) =>
      apiFetch<OrganizerEvent>(`/api/tickets/events/${encodeURIComponent(event.id)}`, {
        method: "PATCH",
        body: { transfersEnabled },
      }),
    onSuccess: (updated) => queryClient.setQueryData(queryKey, updated),
  });
  return (
    <div className={ui.stack}>
      <label className={ui.row}>
        <input
          type="checkbox"
          checked={save.isPending ? save.variables : event.transfersEnabled}
          disabled={disabled || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <span>
          Buyers may send a ticket to someone else until the event starts
          <span className={ui.hint}>
            {" "}
            (the old code stops working; the recipient gets a new one by email)
          </span>
        </span>
      </label>
      {save.isError ? (
        <Alert tone="error">{problemText(save.error, "Could not save. Please try again.")}</Alert>
      ) : null}
    </div>
  );
}
