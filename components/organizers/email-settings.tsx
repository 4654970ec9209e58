"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";
import { ui } from "@/components/ui/styles";

/** The owner's choice of what buyers' confirmation emails carry; saved as soon as it is changed. */
export function EmailSettings({ attachTicketsPdf }: { attachTicketsPdf: boolean }) {
  const [checked, setChecked] = useState(attachTicketsPdf);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const save = useMutation({
    mutationFn: (value: boolean) =>
      apiFetch<{ attachTicketsPdf: boolean }>("/api/tickets/organizers/me", {
        method: "PATCH",
        body: { attachTicketsPdf: value },
      }),
    onMutate: (value) => {
      setError(null);
      setChecked(value);
    },
    onSuccess: (saved) => {
      setChecked(saved.attachTicketsPdf);
      toast({
        title: saved.attachTicketsPdf ? "PDF tickets attached" : "PDF tickets no longer attached",
        description: "Applies to confirmation emails sent from now on.",
      });
    },
    onError: (e, value) => {
      setChecked(!value);
      setError(e instanceof ApiError ? e.message : "Could not save the setting. Try again.");
    },
  });
  return (
    <div className={ui.stack}>
      <label className={ui.row}>
        <input
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        Attach the tickets as a PDF to confirmation emails
      </label>
      <p className={ui.hint}>
        One page per ticket with its QR code, for buyers who print. The passes page always offers the PDF.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
