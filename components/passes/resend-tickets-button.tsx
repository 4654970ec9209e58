"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { buttonClass, ui } from "@/components/ui/styles";

/**
 * "Email my tickets again" (POST /api/tickets/orders/:id/resend?token=): the confirmation is queued once more
 * to the order's email, with this page's link. The API limits it per order; its 429 says when to try again.
 */
export function ResendTicketsButton({ orderId, token }: { orderId: string; token: string }) {
  const resend = useMutation({
    mutationFn: () =>
      apiFetch<{ emailed: true }>(
        `/api/tickets/orders/${encodeURIComponent(orderId)}/resend?token=${encodeURIComponent(token)}`,
        { body: {} },
      ),
  });
  return (
    <div className={ui.stack}>
      {resend.isError ? (
        <Alert tone="error">{problemText(resend.error, "Could not send the email. Please try again.")}</Alert>
      ) : null}
      {resend.isSuccess ? (
        <Alert tone="ok">We emailed your tickets again. It can take a minute to arrive.</Alert>
      ) : null}
      <div>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          onClick={() => resend.mutate()}
          disabled={resend.isPending}
        >
          {resend.isPending ? "Sending…" : "Email my tickets again"}
        </button>
      </div>
    </div>
  );
}
