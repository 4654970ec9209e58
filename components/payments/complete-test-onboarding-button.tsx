"use client";

import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { apiFetch } from "@/components/ui/api-client";

/** Test mode: "finishes" onboarding against the built-in test account, then goes back to Payments. */
export function CompleteTestOnboardingButton({ organizerId }: { organizerId: string }) {
  const router = useRouter();
  return (
    <ActionButton
      label="Complete test onboarding"
      pendingLabel="Connecting…"
      errorFallback="Could not complete test onboarding. Please try again."
      action={() =>
        apiFetch<{ redirectTo: string }>("/api/tickets/organizers/connect/test-onboarding", {
          body: { organizerId },
        })
      }
      onDone={({ redirectTo }) => {
        router.push(redirectTo);
        router.refresh();
      }}
    />
  );
}
