"use client";

import { useMutation } from "@tanstack/react-query";
import { problemText } from "@/components/ui/api-client";
import { alertClass, buttonClass, ui } from "@/components/ui/styles";

/** A button that runs one API call, shows it pending, then hands the answer on; errors shown above it. */
export function ActionButton<T>({
  label,
  pendingLabel,
  errorFallback,
  action,
  onDone,
}: {
  label: string;
  pendingLabel: string;
  errorFallback: string;
  action: () => Promise<T>;
  onDone: (result: T) => void;
}) {
  const mutation = useMutation({ mutationFn: action, onSuccess: onDone });
  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <div className={ui.stack}>
      {mutation.isError ? (
        <p className={alertClass("error")} role="alert">
          {problemText(mutation.error, errorFallback)}
        </p>
      ) : null}
      <div>
        <button type="button" className={buttonClass()} disabled={busy} onClick={() => mutation.mutate()}>
          {busy ? pendingLabel : label}
        </button>
      </div>
    </div>
  );
}
