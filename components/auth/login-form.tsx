"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { alertClass, buttonClass, cx, ui } from "@/components/ui/styles";

/** Auth.js error codes (from ?error=) → what we tell the user. */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === "Verification")
    return "This sign-in link has expired or was already used. Enter your email to get a new one.";
  if (code === "AccessDenied") return "That sign-in was not allowed. Enter your email to try again.";
  return "Sign-in did not work. Enter your email to get a new link.";
}

function retryMessage(seconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return `Too many requests — try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export function LoginForm({ callbackUrl, errorCode }: { callbackUrl?: string; errorCode?: string }) {
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (address: string) =>
      apiFetch<{ ok: true }>("/api/tickets/auth/magic-link", { body: { email: address, callbackUrl } }),
    onSuccess: (_data, address) => setSentTo(address),
  });

  if (sentTo !== null) {
    return (
      <div className={cx(ui.card, ui.stack)} role="status">
        <h2>Check your email</h2>
        <p>
          We sent a sign-in link to <strong>{sentTo}</strong>. It works once and expires in 15 minutes.
        </p>
        <p className={ui.hint}>Nothing there? Check your spam folder, or ask for a new link.</p>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          onClick={() => {
            setSentTo(null);
            mutation.reset();
          }}
        >
          Use a different email
        </button>
      </div>
    );
  }

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const emailError = error?.problem.status === 422 ? error.fieldErrors.email : undefined;
  const alert = mutation.error
    ? error?.problem.status === 429
      ? retryMessage(error.retryAfterSeconds)
      : error?.problem.status === 422 && emailError
        ? undefined
        : (error?.problem.detail ?? "Could not send the link. Check your connection and try again.")
    : signInErrorMessage(errorCode);

  return (
    <form
      className={cx(ui.card, ui.stack)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(email);
      }}
    >
      {alert ? (
        <p className={alertClass("error")} role="alert">
          {alert}
        </p>
      ) : null}
      <div className={ui.field}>
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "login-email-error" : undefined}
        />
        {emailError ? (
          <p id="login-email-error" className={ui.fieldError}>
            Email {emailError}
          </p>
        ) : null}
      </div>
      <button className={buttonClass()} type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Sending…" : "Email me a sign-in link"}
      </button>
      <p className={ui.hint}>No password needed: we email you a link that signs you in.</p>
    </form>
  );
}
