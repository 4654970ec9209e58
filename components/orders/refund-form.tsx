"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { formatMoney } from "@/lib/money/format-money";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";
import { parsePriceToMinor } from "@/lib/tiers/parse-price";

type Mode = "whole" | "tickets" | "amount";

export const orderQueryKey = (orderId: string) => ["orders", orderId, "refunds"] as const;

/** "Refund whole order" / chosen tickets / "Amount", a "Reason", and the "Refund" button. */
export function RefundForm({ order }: { order: OrganizerOrderDetail }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("whole");
  const [ticketIds, setTicketIds] = useState<string[]>([]);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const refundable = order.tickets.filter((t) => t.status === "valid" && !t.refundPending);

  const refund = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch(`/api/tickets/orders/${encodeURIComponent(order.id)}/refund`, { body }),
    onSuccess: () => {
      setTicketIds([]);
      setAmount("");
      setReason("");
      void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) });
    },
  });
  const serverError = refund.error instanceof ApiError ? refund.error : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const body: Record<string, unknown> = { reason };
    if (mode === "tickets") {
      if (ticketIds.length === 0) return setLocalError("Choose at least one ticket.");
      body.ticketIds = ticketIds;
    } else if (mode === "amount") {
      const parsed = parsePriceToMinor(amount, order.currency);
      if (!parsed.ok) return setLocalError(`Amount: ${parsed.message}`);
      body.amountMinor = parsed.value;
    }
    refund.mutate(body);
  }

  if (order.refundableMinor <= 0) return null;
  return (
    <form className="card stack" onSubmit={submit} aria-label="Refund">
      <h2 style={{ margin: 0 }}>Refund</h2>
      <p className="small muted">
        Up to {formatMoney(order.refundableMinor, order.currency)} can still be refunded.
      </p>
      <fieldset className="stack">
        <legend className="small">What to refund</legend>
        <label>
          <input type="radio" name="mode" checked={mode === "whole"} onChange={() => setMode("whole")} />{" "}
          Refund whole order
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === "tickets"} onChange={() => setMode("tickets")} />{" "}
          Choose tickets
        </label>
        {mode === "tickets" ? (
          <div className="stack" style={{ paddingLeft: "1.5rem" }}>
            {refundable.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  checked={ticketIds.includes(t.id)}
                  onChange={(e) =>
                    setTicketIds((ids) => (e.target.checked ? [...ids, t.id] : ids.filter((i) => i !== t.id)))
                  }
                />{" "}
                {t.shortCode} · {t.tierName}
              </label>
            ))}
          </div>
        ) : null}
        <label>
          <input type="radio" name="mode" checked={mode === "amount"} onChange={() => setMode("amount")} />{" "}
          Partial amount
        </label>
        {mode === "amount" ? (
          <label className="stack" style={{ paddingLeft: "1.5rem" }}>
            Amount
            <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            {serverError?.fieldErrors.amountMinor ? (
              <span className="small error">{serverError.fieldErrors.amountMinor}</span>
            ) : null}
          </label>
        ) : null}
      </fieldset>
      <label className="stack">
        Reason
        <input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {localError ? <p className="error">{localError}</p> : null}
      {serverError ? (
        <p className="error" role="alert">
          {serverError.problem.detail}
        </p>
      ) : null}
      <div>
        <button type="submit" className="btn" disabled={refund.isPending}>
          Refund
        </button>
      </div>
    </form>
  );
}
