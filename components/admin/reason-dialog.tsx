"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, problemText } from "@/components/ui/api-client";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui, type ButtonVariant } from "@/components/ui/styles";

/**
 * An admin action that needs a reason (suspend, unpublish, keep down): a button opening a dialog with a
 * required reason; the server's 422 is shown beside the field, anything else above the form.
 */
export function ReasonDialog({
  title,
  description,
  triggerLabel,
  confirmLabel,
  fieldLabel = "Reason (the organizer sees it)",
  variant = "danger",
  send,
  onDone,
}: {
  title: string;
  description: string;
  triggerLabel: string;
  confirmLabel: string;
  fieldLabel?: string;
  variant?: ButtonVariant;
  send: (reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      setOpen(false);
      setReason("");
      onDone();
    },
  });
  const fieldError =
    mutation.error instanceof ApiError && mutation.error.problem.status === 422
      ? (Object.values(mutation.error.fieldErrors)[0] ?? mutation.error.problem.detail)
      : null;
  return (
    <Dialog
      title={title}
      description={description}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
      trigger={
        <button type="button" className={buttonClass({ variant: "secondary", size: "sm" })}>
          {triggerLabel}
        </button>
      }
    >
      <form
        className={ui.stack}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(reason);
        }}
      >
        {mutation.isError && !fieldError ? (
          <Alert tone="error">{problemText(mutation.error, "Could not save. Check your connection.")}</Alert>
        ) : null}
        <Field id={`${id}-reason`} label={fieldLabel} error={fieldError}>
          <textarea
            {...fieldAria(`${id}-reason`, fieldError)}
            name="reason"
            rows={4}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <div className={cx(ui.row, "justify-end")}>
          <DialogCancel />
          <button type="submit" className={buttonClass({ variant })} disabled={mutation.isPending}>
            {mutation.isPending ? "Saving…" : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
