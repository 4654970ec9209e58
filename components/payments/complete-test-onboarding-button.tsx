"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiError, apiFetch } from "@/components/ui/api-client";

/** Test mode: "finishes" onboarding against the built-in test account, then goes back to Payments. */
export function CompleteTestOnboardingButton({ organizerId }: { organizerId: string }) {
  const router = useRouter();
  const complete = useMutation({
    mutationFn: () =>
      apiFetch<{ redirectTo: string }>("/api/tickets/organizers/connect/test-onboarding", {
        body: { organizerId },
      }),
    onSuccess: ({ redirectTo }) => {
      router.push(redirectTo);
      router.refresh();
    },
  });
  return (
    <div className="stack">
      {complete.isError ? (
        <p className="alert error" role="alert">
          {complete.error instanceof ApiError
            ? complete.error.problem.detail
            : "Could not complete test onboarding. Please try again."}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className="btn"
          disabled={complete.isPending || complete.isSuccess}
          onClick={() => complete.mutate()}
        >
          {complete.isPending || complete.isSuccess ? "Connecting…" : "Complete test onboarding"}
        </button>
      </div>
    </div>
  );
}
