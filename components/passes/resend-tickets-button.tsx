"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { buttonClass, ui } from "@/components/ui/styles";

/**
 * "Email my tickets again" (POST /api/tickets/orders/:id/resend): the confirmation is queued once more to the
 * order's email. The buyer's page passes its `token` (the email carries that link); the organizer's order page
 * passes none (the team member's session; the email carries the order's current link). The API limits it per
 * order; its 429 says when to try again.
 */
export function ResendTicketsButton({
  orderId,
  token,
  label = "Email my tickets again",
  doneText = "We emailed your tickets again. It can take a minute to arrive.",
}: {
  orderId: string;
  token?: string;
  label?: string;
  doneText?: string;
}) {
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  const resend = useMutation({
    mutationFn: () =>
      apiFetch<{ emailed: true }>(`/api/tickets/orders/${encodeURIComponent(orderId)}/resend${query}`, {
        body: {},
      }),
  });
  return (
    <div className={ui.stack}>
      {resend.isError ? (
        <Alert tone="error">{problemText(resend.error, "Could not send the email. Please try again.")}</Alert>
      ) : null}
      {resend.isSuccess ? <Alert tone="ok">{doneText}</Alert> : null}
      <div>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          onClick={() => resend.mutate()}
          disabled={resend.isPending}
        >
          {resend.isPending ? "Sending…" : label}
        </button>
      </div>
    </div>
  );
}
