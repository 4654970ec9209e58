"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { buttonClass, ui } from "@/components/ui/styles";

/**
 * Replaces an order's access link (POST /api/tickets/orders/:id/access-link): the old link stops working and
 * the new one is emailed to the buyer. Asks first, then says what happened.
 */
export function RotateLinkButton({
  path,
  label,
  confirmText,
  doneText,
}: {
  /** The API path, with `?token=` when the buyer's link is the credential. */
  path: string;
  label: string;
  confirmText: string;
  doneText: string;
}) {
  const [asking, setAsking] = useState(false);
  const rotate = useMutation({ mutationFn: () => apiFetch<{ emailed: true }>(path, { body: {} }) });
  if (rotate.isSuccess) {
    return <Alert tone="ok">{doneText}</Alert>;
  }
  return (
    <div className={ui.stack}>
      {asking ? (
        <div className={ui.row}>
          <span>{confirmText}</span>
          <button
            type="button"
            className={buttonClass()}
            onClick={() => rotate.mutate()}
            disabled={rotate.isPending}
          >
            {rotate.isPending ? "Sending…" : "Yes, send a new link"}
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "secondary" })}
            onClick={() => setAsking(false)}
          >
            Keep the link
          </button>
        </div>
      ) : (
        <div>
          <button
            type="button"
            className={buttonClass({ variant: "secondary" })}
            onClick={() => setAsking(true)}
          >
            {label}
          </button>
        </div>
      )}
      {rotate.isError ? (
        <Alert tone="error">
          {problemText(rotate.error, "Could not send a new link. Please try again.")}
        </Alert>
      ) : null}
    </div>
  );
}
