"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch, problemText } from "@/components/ui/api-client";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { REPORT_CATEGORIES, type ReportCategory } from "@/lib/moderation/moderation-rules";

interface ReportForm {
  category: ReportCategory | "";
  details: string;
  email: string;
}

const EMPTY: ReportForm = { category: "", details: "", email: "" };

/** "Report this event": a link-styled button opening a short form that files a report for platform admins. */
export function ReportEventDialog({ eventId }: { eventId: string }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ReportForm>(EMPTY);
  const mutation = useMutation({
    mutationFn: (body: ReportForm) =>
      apiFetch<{ id: string }>(`/api/tickets/events/${encodeURIComponent(eventId)}/reports`, { body }),
  });
  const fieldErrors =
    mutation.error instanceof ApiError && mutation.error.problem.status === 422
      ? mutation.error.fieldErrors
      : {};
  const alert =
    mutation.isError && Object.keys(fieldErrors).length === 0
      ? problemText(mutation.error, "Could not send the report. Check your connection and try again.")
      : null;

  return (
    <div>
      <Dialog
        title="Report this event"
        description="Tell the platform's team what is wrong. The organizer is not told who reported it."
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next && mutation.isSuccess) {
            setForm(EMPTY);
            mutation.reset();
          }
        }}
        trigger={
          <button type="button" className={buttonClass({ variant: "ghost", size: "sm" })}>
            Report this event
          </button>
        }
      >
        {mutation.isSuccess ? (
          <div className={ui.stack} role="status">
            <p>Thank you. The platform&apos;s team will look at it.</p>
            <div className={cx(ui.row, "justify-end")}>
              <DialogCancel label="Close" />
            </div>
          </div>
        ) : (
          <form
            className={ui.stack}
            aria-label="Report this event"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              mutation.mutate(form);
            }}
          >
            {alert ? <Alert tone="error">{alert}</Alert> : null}
            <Field id="report-category" label="What is wrong?" error={fieldErrors.category}>
              <select
                {...fieldAria("report-category", fieldErrors.category)}
                name="category"
                value={form.category}
                onChange={(e) => setForm({ ...form, category: e.target.value as ReportCategory })}
              >
                <option value="">Choose…</option>
                {Object.entries(REPORT_CATEGORIES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="report-details" label="Details" error={fieldErrors.details}>
              <textarea
                {...fieldAria("report-details", fieldErrors.details)}
                name="details"
                rows={4}
                maxLength={2000}
                value={form.details}
                onChange={(e) => setForm({ ...form, details: e.target.value })}
              />
            </Field>
            <Field
              id="report-email"
              label="Your email (optional)"
              hint="Only if you want us to be able to reply."
              error={fieldErrors.email}
            >
              <input
                {...fieldAria("report-email", fieldErrors.email)}
                name="email"
                type="email"
                autoComplete="email"
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            </Field>
            <div className={cx(ui.row, "justify-end")}>
              <DialogCancel />
              <button type="submit" className={buttonClass()} disabled={mutation.isPending}>
                {mutation.isPending ? "Sending…" : "Send report"}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
