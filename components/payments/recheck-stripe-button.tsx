"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { alertClass, buttonClass, ui } from "@/components/ui/styles";

/** Asks Stripe for the account's current status, then re-renders the page with it. */
export function RecheckStripeButton() {
  const router = useRouter();
  const recheck = useMutation({
    mutationFn: () => apiFetch<unknown>("/api/tickets/organizers/connect/sync", { body: {} }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className={ui.stack}>
      {recheck.isError ? (
        <p className={alertClass("error")} role="alert">
          {recheck.error instanceof ApiError
            ? recheck.error.problem.detail
            : "Could not check with Stripe. Please try again."}
        </p>
      ) : null}
      {recheck.isSuccess ? (
        <p className={ui.hint} role="status">
          Checked with Stripe just now.
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          disabled={recheck.isPending}
          onClick={() => recheck.mutate()}
        >
          {recheck.isPending ? "Checking…" : "Re-check with Stripe"}
        </button>
      </div>
    </div>
  );
}
