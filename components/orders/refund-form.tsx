"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import type { OrganizerOrderDetail } from "@/lib/refunds/organizer-order-view";
import { parsePriceToMinor } from "@/lib/tiers/parse-price";

type Mode = "whole" | "tickets" | "amount";

/** A radio button or checkbox with its text, at touch size in the accent colour. */
const RADIO_LABEL = "flex items-center gap-2 [&_input]:size-5 [&_input]:accent-accent";

export const orderQueryKey = (orderId: string) => ["orders", orderId, "refunds"] as const;

/**
 * "Refund whole order" / chosen tickets / "Amount", the message emailed to the buyer, an internal note kept
 * apart from it (only the team sees it), and the "Refund" button. `admin`: a platform admin's refund (also
 * past the deadline), which requires an override note, sent to the admin API.
 */
export function RefundForm({ order, admin = false }: { order: OrganizerOrderDetail; admin?: boolean }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("whole");
  const [ticketIds, setTicketIds] = useState<string[]>([]);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [internalNote, setInternalNote] = useState("");
  const [overrideNote, setOverrideNote] = useState("");
  const overrideId = useId();
  const reasonId = useId();
  const noteId = useId();
  const amountId = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const refundable = order.tickets.filter((t) => t.status === "valid" && !t.refundPending);

  const refund = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch(
        admin
          ? `/api/tickets/admin/orders/${encodeURIComponent(order.id)}/refund`
          : `/api/tickets/orders/${encodeURIComponent(order.id)}/refund`,
        { body },
      ),
    onSuccess: () => {
      setTicketIds([]);
      setAmount("");
      setReason("");
      setInternalNote("");
      setOverrideNote("");
      void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) });
    },
  });
  const serverError = refund.error instanceof ApiError ? refund.error : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const body: Record<string, unknown> = {
      reason,
      ...(internalNote.trim() ? { internalNote } : {}),
      ...(admin ? { adminOverrideNote: overrideNote } : {}),
    };
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
    <form className={cx(ui.card, ui.stack)} onSubmit={submit} aria-label="Refund">
      <h2>Refund</h2>
      <p className={ui.hint}>
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
      <fieldset className={cx(ui.stack, "gap-2")}>
        <legend className="mb-2 text-sm font-semibold">What to refund</legend>
        <label className={RADIO_LABEL}>
          <input type="radio" name="mode" checked={mode === "whole"} onChange={() => setMode("whole")} />{" "}
          Refund whole order
        </label>
        <label className={RADIO_LABEL}>
          <input type="radio" name="mode" checked={mode === "tickets"} onChange={() => setMode("tickets")} />{" "}
          Choose tickets
        </label>
        {mode === "tickets" ? (
          <div className={cx(ui.stack, "gap-2 pl-7")}>
            {refundable.map((t) => (
              <label key={t.id} className={RADIO_LABEL}>
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
        <label className={RADIO_LABEL}>
          <input type="radio" name="mode" checked={mode === "amount"} onChange={() => setMode("amount")} />{" "}
          Partial amount
        </label>
        {mode === "amount" ? (
          <div className={cx(ui.field, "max-w-xs pl-7")}>
            <label htmlFor={amountId}>Amount</label>
            <input
              id={amountId}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={serverError?.fieldErrors.amountMinor ? true : undefined}
            />
            {serverError?.fieldErrors.amountMinor ? (
              <span className={ui.fieldError}>{serverError.fieldErrors.amountMinor}</span>
            ) : null}
          </div>
        ) : null}
      </fieldset>
      <div className={ui.field}>
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
        <span id={`${reasonId}-help`} className={ui.hint}>
          Emailed to {order.buyerEmail} with the refund confirmation, as the reason for the refund.
        </span>
        {serverError?.fieldErrors.reason ? (
          <span className={ui.fieldError}>{serverError.fieldErrors.reason}</span>
        ) : null}
      </div>
      <div className={ui.field}>
        <label htmlFor={noteId}>Internal note (optional)</label>
        <textarea
          id={noteId}
          maxLength={1000}
          rows={2}
          value={internalNote}
          onChange={(e) => setInternalNote(e.target.value)}
          aria-describedby={`${noteId}-help`}
        />
        <span id={`${noteId}-help`} className={ui.hint}>
          Only your team sees this, on this order. It is not sent to the buyer.
        </span>
      </div>
      {admin ? (
        <div className={ui.field}>
          <label htmlFor={overrideId}>Override note (required)</label>
          <textarea
            id={overrideId}
            maxLength={1000}
            rows={2}
            value={overrideNote}
            onChange={(e) => setOverrideNote(e.target.value)}
            aria-describedby={`${overrideId}-help`}
            aria-invalid={serverError?.fieldErrors.adminOverrideNote ? true : undefined}
          />
          <span id={`${overrideId}-help`} className={ui.hint}>
            Why a platform admin refunds this order (past the deadline too). Audited and shown to the
            organizer.
          </span>
          {serverError?.fieldErrors.adminOverrideNote ? (
            <span className={ui.fieldError}>{serverError.fieldErrors.adminOverrideNote}</span>
          ) : null}
        </div>
      ) : null}
      {localError ? <Alert tone="error">{localError}</Alert> : null}
      {serverError ? <Alert tone="error">{serverError.problem.detail}</Alert> : null}
      <div>
        <button type="submit" className={buttonClass()} disabled={refund.isPending}>
          Refund
        </button>
      </div>
    </form>
  );
}
