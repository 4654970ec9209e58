"use client";

import { useMutation } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { buttonClass, ui } from "@/components/ui/styles";

interface RemindersRun {
  sent: number;
  errors: string[];
}

/** Runs the 24-hour reminder sweep now (the worker also runs it every 5 minutes) and says what it sent. */
export function RunRemindersButton() {
  const run = useMutation({
    mutationFn: () => apiFetch<RemindersRun>("/api/tickets/admin/reminders", { method: "POST" }),
  });
  return (
    <div className={ui.stack}>
      <div>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          disabled={run.isPending}
          onClick={() => run.mutate()}
        >
          {run.isPending ? "Sending…" : "Send due reminders now"}
        </button>
      </div>
      {run.data ? (
        <Alert tone={run.data.errors.length > 0 ? "error" : "ok"}>
          {run.data.sent === 1 ? "1 reminder sent" : `${run.data.sent} reminders sent`}
          {run.data.errors.length > 0 ? `; ${run.data.errors.length} failed and will be retried` : ""}.
        </Alert>
      ) : null}
      {run.error ? (
        <Alert tone="error">
          {run.error instanceof ApiError ? run.error.message : "Could not run the reminders. Try again."}
        </Alert>
      ) : null}
    </div>
  );
}
