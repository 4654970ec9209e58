"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";
import { parsePriceToMinor } from "@/lib/tiers/parse-price";

type Mode = "whole" | "tickets" | "amount";

export const orderQueryKey = (orderId: string) => ["orders", orderId, "refunds"] as const;

/**
 * "Refund whole order" / chosen tickets / "Amount", the message emailed to the buyer, an internal note kept
 * apart from it (only the team sees it), and the "Refund" button.
 */
export function RefundForm({ order }: { order: OrganizerOrderDetail }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("whole");
  const [ticketIds, setTicketIds] = useState<string[]>([]);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [internalNote, setInternalNote] = useState("");
  const reasonId = useId();
  const noteId = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const refundable = order.tickets.filter((t) => t.status === "valid" && !t.refundPending);

  const refund = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch(`/api/tickets/orders/${encodeURIComponent(order.id)}/refund`, { body }),
    onSuccess: () => {
      setTicketIds([]);
      setAmount("");
      setReason("");
      setInternalNote("");
      void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) });
    },
  });
  const serverError = refund.error instanceof ApiError ? refund.error : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const body: Record<string, unknown> = { reason, ...(internalNote.trim() ? { internalNote } : {}) };
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
        Up to {formatMoney(order.refundableMinor, order.currency)} can still be refunded
        {order.allowRefundsUntil ? (
          <>
            {" "}
            until{" "}
            <time dateTime={order.allowRefundsUntil}>
              {formatInZone(order.allowRefundsUntil, order.event.timezone)}
            </time>
          </>
        ) : null}
        .
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
      <div className="field">
        <label htmlFor={reasonId}>Message to the buyer</label>
        <input
          id={reasonId}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${reasonId}-help`}
          aria-invalid={serverError?.fieldErrors.reason ? true : undefined}
        />
        <span id={`${reasonId}-help`} className="small muted">
          Emailed to {order.buyerEmail} with the refund confirmation, as the reason for the refund.
        </span>
        {serverError?.fieldErrors.reason ? (
          <span className="field-error">{serverError.fieldErrors.reason}</span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={noteId}>Internal note (optional)</label>
        <textarea
          id={noteId}
          maxLength={1000}
          rows={2}
          value={internalNote}
          onChange={(e) => setInternalNote(e.target.value)}
          aria-describedby={`${noteId}-help`}
        />
        <span id={`${noteId}-help`} className="small muted">
          Only your team sees this, on this order. It is not sent to the buyer.
        </span>
      </div>
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
