"use client";

import { useMutation } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/components/ui/api-client";

/** Starts (or resumes) Stripe onboarding: the server answers where to send the browser. */
export function ConnectStripeButton({ label }: { label: string }) {
  const connect = useMutation({
    mutationFn: () =>
      apiFetch<{ url: string; testMode: boolean }>("/api/tickets/organizers/connect", { body: {} }),
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
  });
  return (
    <div className="stack">
      {connect.isError ? (
        <p className="alert error" role="alert">
          {connect.error instanceof ApiError
            ? connect.error.problem.detail
            : "Could not start Stripe onboarding. Please try again."}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className="btn"
          disabled={connect.isPending || connect.isSuccess}
          onClick={() => connect.mutate()}
        >
          {connect.isPending || connect.isSuccess ? "Opening Stripe…" : label}
        </button>
      </div>
    </div>
  );
}
