"use client";

import { ActionButton } from "@/components/ui/action-button";
import { apiFetch } from "@/components/ui/api-client";

/** Starts (or resumes) Stripe onboarding: the server answers where to send the browser. */
export function ConnectStripeButton({ label }: { label: string }) {
  return (
    <ActionButton
      label={label}
      pendingLabel="Opening Stripe…"
      errorFallback="Could not start Stripe onboarding. Please try again."
      action={() =>
        apiFetch<{ url: string; testMode: boolean }>("/api/tickets/organizers/connect", { body: {} })
      }
      onDone={({ url }) => window.location.assign(url)}
    />
  );
}
