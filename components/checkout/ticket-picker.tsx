"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, type ApiError } from "@/components/ui/api-client";

export interface PickableTier {
  id: string;
  name: string;
  /** All-in price of one ticket, already formatted. */
  priceLabel: string;
  /** How many the buyer may pick now (0 when not on sale). */
  max: number;
}

interface CheckoutResponse {
  orderId: string;
  url: string;
}

export function TicketPicker({ eventId, tiers }: { eventId: string; tiers: PickableTier[] }) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [discountCode, setDiscountCode] = useState("");
  const mutation = useMutation<CheckoutResponse, ApiError>({
    mutationFn: () =>
      apiFetch("/api/tickets/checkout/session", {
        body: {
          eventId,
          items: Object.entries(quantities)
            .filter(([, quantity]) => quantity > 0)
            .map(([tierId, quantity]) => ({ tierId, quantity })),
          buyer: { name, email },
          ...(discountCode.trim() ? { discountCode: discountCode.trim() } : {}),
        },
      }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const count = Object.values(quantities).reduce((a, b) => a + b, 0);
  const fieldErrors = mutation.error?.fieldErrors ?? {};
  const onSale = tiers.filter((t) => t.max > 0);
  if (onSale.length === 0) return null;

  return (
    <form
      className="card stack"
      aria-label="Buy tickets"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      noValidate
    >
      <h2 style={{ fontSize: "1.2rem" }}>Buy tickets</h2>
      {onSale.map((tier) => (
        <div key={tier.id} className="row" style={{ justifyContent: "space-between" }}>
          <label htmlFor={`qty-${tier.id}`}>
            {tier.name} <span className="muted small">{tier.priceLabel}</span>
          </label>
          <select
            id={`qty-${tier.id}`}
            value={quantities[tier.id] ?? 0}
            onChange={(e) => setQuantities({ ...quantities, [tier.id]: Number(e.target.value) })}
            style={{ minHeight: 44, minWidth: 64, fontSize: "1rem" }}
          >
            {Array.from({ length: tier.max + 1 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
      <Field label="Your name" id="buyer-name" error={fieldErrors["buyer.name"]}>
        <input id="buyer-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Email for your tickets" id="buyer-email" error={fieldErrors["buyer.email"]}>
        <input
          id="buyer-email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label="Discount code" id="discount-code" error={fieldErrors.discountCode}>
        <input
          id="discount-code"
          autoCapitalize="characters"
          value={discountCode}
          onChange={(e) => setDiscountCode(e.target.value)}
        />
      </Field>
      {mutation.isError &&
      !mutation.error.problem.errors?.some(
        (e) => e.field.startsWith("buyer") || e.field === "discountCode",
      ) ? (
        <p className="alert error" role="alert">
          {mutation.error.message}
        </p>
      ) : null}
      <button
        className="btn"
        type="submit"
        disabled={count === 0 || mutation.isPending || mutation.isSuccess}
      >
        {mutation.isPending || mutation.isSuccess
          ? "Holding your seats…"
          : count === 0
            ? "Choose tickets"
            : `Continue to payment (${count})`}
      </button>
      <p className="small muted">Your seats are held for 30 minutes while you pay.</p>
    </form>
  );
}

function Field({
  label,
  id,
  error,
  children,
}: {
  label: string;
  id: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
