"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText, serverFieldErrors } from "@/components/ui/api-client";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui } from "@/components/ui/styles";

/** Raise or lower one tier's capacity, with the required note (a platform admin's override). */
export function CapacityOverrideForm({
  tierId,
  tierName,
  capacity,
}: {
  tierId: string;
  tierName: string;
  capacity: number;
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(String(capacity));
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch(`/api/tickets/admin/tiers/${encodeURIComponent(tierId)}/capacity`, {
        body: { capacity: Number(value), note },
      }),
    onSuccess: () => {
      setNote("");
      router.refresh();
    },
  });
  const errors = serverFieldErrors(save.error, { capacity: "capacity", note: "note" });
  return (
    <form
      className={cx(ui.row, "items-end")}
      aria-label={`Override ${tierName} capacity`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field id={`${id}-capacity`} label="Capacity" error={errors.capacity}>
        <input
          {...fieldAria(`${id}-capacity`, errors.capacity)}
          inputMode="numeric"
          className="w-28"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <Field id={`${id}-note`} label="Note (required)" error={errors.note}>
        <input
          {...fieldAria(`${id}-note`, errors.note)}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <button
        type="submit"
        className={buttonClass({ variant: "secondary", size: "sm" })}
        disabled={save.isPending}
      >
        Set capacity
      </button>
      {save.isError && !errors.capacity && !errors.note ? (
        <Alert tone="error">{problemText(save.error, "The capacity could not be changed.")}</Alert>
      ) : null}
    </form>
  );
}
