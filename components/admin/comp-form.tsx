"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText, serverFieldErrors } from "@/components/ui/api-client";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui } from "@/components/ui/styles";

const FIELDS = {
  tierId: "tierId",
  quantity: "quantity",
  recipientName: "recipientName",
  recipientEmail: "recipientEmail",
  note: "note",
} as const;

/** Issue complimentary tickets (no payment) to a recipient, with the required note. */
export function CompForm({
  eventId,
  tiers,
}: {
  eventId: string;
  tiers: { id: string; name: string; remaining: number }[];
}) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState({
    tierId: tiers[0]?.id ?? "",
    quantity: "1",
    recipientName: "",
    recipientEmail: "",
    note: "",
  });
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const create = useMutation({
    mutationFn: () =>
      apiFetch<{ orderId: string; ticketIds: string[] }>(
        `/api/tickets/admin/events/${encodeURIComponent(eventId)}/comps`,
        { body: { ...values, quantity: Number(values.quantity) } },
      ),
    onSuccess: () => {
      setValues((v) => ({ ...v, quantity: "1", recipientName: "", recipientEmail: "", note: "" }));
      router.refresh();
    },
  });
  const errors = serverFieldErrors(create.error, FIELDS);
  const hasFieldError = Object.keys(errors).length > 0;
  return (
    <form
      className={cx(ui.card, ui.stack)}
      aria-label="Issue comps"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h2>Issue comps</h2>
      <p className={ui.hint}>
        A no-payment order on the comp channel: its tickets count against capacity and are emailed to the
        recipient.
      </p>
      <div className={ui.grid}>
        <Field id={`${id}-tier`} label="Tier" error={errors.tierId}>
          <select {...fieldAria(`${id}-tier`, errors.tierId)} value={values.tierId} onChange={set("tierId")}>
            {tiers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.remaining} left)
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-quantity`} label="Quantity" error={errors.quantity}>
          <input
            {...fieldAria(`${id}-quantity`, errors.quantity)}
            inputMode="numeric"
            value={values.quantity}
            onChange={set("quantity")}
          />
        </Field>
        <Field id={`${id}-name`} label="Recipient name" error={errors.recipientName}>
          <input
            {...fieldAria(`${id}-name`, errors.recipientName)}
            value={values.recipientName}
            onChange={set("recipientName")}
          />
        </Field>
        <Field id={`${id}-email`} label="Recipient email" error={errors.recipientEmail}>
          <input
            {...fieldAria(`${id}-email`, errors.recipientEmail)}
            type="email"
            value={values.recipientEmail}
            onChange={set("recipientEmail")}
          />
        </Field>
      </div>
      <Field id={`${id}-note`} label="Note (required)" hint="Why these comps: audited." error={errors.note}>
        <input
          {...fieldAria(`${id}-note`, errors.note)}
          value={values.note}
          maxLength={1000}
          onChange={set("note")}
        />
      </Field>
      {create.isError && !hasFieldError ? (
        <Alert tone="error">{problemText(create.error, "The comps could not be issued.")}</Alert>
      ) : null}
      {create.isSuccess ? (
        <Alert tone="ok">{create.data.ticketIds.length} comp ticket(s) issued and emailed.</Alert>
      ) : null}
      <div>
        <button type="submit" className={buttonClass()} disabled={create.isPending || tiers.length === 0}>
          Issue comps
        </button>
      </div>
    </form>
  );
}
