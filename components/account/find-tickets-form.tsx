"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch, problemText } from "@/components/ui/api-client";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui } from "@/components/ui/styles";

interface Accepted {
  ok: true;
  message: string;
}

/** "Find my tickets": POST /api/tickets/orders/find, then the same answer whatever the address. */
export function FindTicketsForm() {
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (address: string) =>
      apiFetch<Accepted>("/api/tickets/orders/find", { body: { email: address } }),
    onSuccess: (_data, address) => setSentTo(address),
  });

  if (sentTo !== null) {
    return (
      <div className={cx(ui.card, ui.stack)} role="status">
        <h2>Check your email</h2>
        <p>
          If tickets were bought with <strong>{sentTo}</strong>, we have emailed the links to them. It can
          take a minute to arrive.
        </p>
        <p className={ui.hint}>Nothing there? Check your spam folder, or try the address you bought with.</p>
        <div>
          <button
            type="button"
            className={buttonClass({ variant: "secondary" })}
            onClick={() => {
              setSentTo(null);
              mutation.reset();
            }}
          >
            Try another email
          </button>
        </div>
      </div>
    );
  }

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const emailError = error?.problem.status === 422 ? error.fieldErrors.email : undefined;
  // A 429's detail says when to try again (lib/rate-limit); anything else, the server's message or ours.
  const alert =
    mutation.isError && !emailError
      ? problemText(mutation.error, "Could not send the email. Check your connection and try again.")
      : null;

  return (
    <form
      className={cx(ui.card, ui.stack)}
      aria-label="Find my tickets"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(email);
      }}
    >
      {alert ? <Alert tone="error">{alert}</Alert> : null}
      <Field id="find-email" label="Email" error={emailError ? `Email ${emailError}` : null}>
        <input
          {...fieldAria("find-email", emailError)}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <button className={buttonClass()} type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Sending…" : "Email me my tickets"}
      </button>
    </form>
  );
}
