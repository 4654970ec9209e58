"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch, type ApiError } from "@/components/ui/api-client";
import { alertClass, buttonClass, ui } from "@/components/ui/styles";

type Outcome = "pay" | "cancel" | "fail";

export function TestPaymentForm({
  orderId,
  token,
  totalLabel,
}: {
  orderId: string;
  token: string;
  totalLabel: string;
}) {
  const mutation = useMutation<{ redirect: string }, ApiError, Outcome>({
    mutationFn: (outcome) =>
      apiFetch(`/api/tickets/dev/pay/${encodeURIComponent(orderId)}`, { body: { token, outcome } }),
    onSuccess: ({ redirect }) => window.location.assign(redirect),
  });
  return (
    <div className={ui.stack}>
      {mutation.isError ? <p className={alertClass("error")}>{mutation.error.message}</p> : null}
      <button
        className={buttonClass()}
        type="button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate("pay")}
      >
        Pay {totalLabel}
      </button>
      <div className={ui.row}>
        <button
          className={buttonClass({ variant: "secondary" })}
          type="button"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate("fail")}
        >
          Decline the payment
        </button>
        <button
          className={buttonClass({ variant: "secondary" })}
          type="button"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate("cancel")}
        >
          Cancel and go back
        </button>
      </div>
    </div>
  );
}
