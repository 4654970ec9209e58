"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { RotateLinkButton } from "@/components/orders/rotate-link-button";
import { PassCard, TicketDownloads, type PassWallets } from "@/components/passes/pass-card";
import { ResendTicketsButton } from "@/components/passes/resend-tickets-button";
import { TicketActions } from "@/components/passes/ticket-actions";
import { passStyles as styles } from "@/components/passes/pass-styles";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { HOLD_GRACE_MS } from "@/lib/inventory/hold-grace";
import { hasPasses, type OrderSummary } from "@/lib/orders/order-summary";
import { alertClass, buttonClass, cx, ui } from "@/components/ui/styles";

const POLL_MS = 2_000;
/** Without an expiry on the order, stop asking after this long. */
const DEFAULT_WAIT_MS = 30 * 60_000;

export interface OrderPassesLinks {
  order: string;
  calendarIcs: string;
  ticketsPdf: string;
  googleCalendar: string;
  eventPage: string;
}

/** A late webhook can confirm the payment until the order's holds run out: keep listening until then. */
function pollDeadline(order: OrderSummary): number {
  return order.expiresAt
    ? Date.parse(order.expiresAt) + HOLD_GRACE_MS
    : Date.parse(order.createdAt) + DEFAULT_WAIT_MS;
}

/**
 * The live part of the passes page: while the order is pending it polls the order every 2 s ("Confirming
 * payment…") until it is paid or its checkout has run out; then the passes, or "Payment not completed".
 */
export function OrderPasses({
  initial,
  token,
  links,
  wallet,
}: {
  initial: OrderSummary;
  token: string;
  links: OrderPassesLinks;
  wallet: PassWallets;
}) {
  const [timedOut, setTimedOut] = useState(false);
  const [openedAt] = useState(() => Date.now());
  const query = useQuery({
    queryKey: ["tickets", "order", initial.id, "passes"],
    queryFn: () => apiFetch<OrderSummary>(links.order),
    initialData: initial,
    retry: (failures, error) => !(error instanceof ApiError && error.problem.status === 404) && failures < 2,
    refetchOnWindowFocus: (q) => q.state.data?.status === "pending",
    refetchInterval: (q) => {
      if (q.state.error instanceof ApiError && q.state.error.problem.status === 404) return false;
      const data = q.state.data;
      if (!data || data.status !== "pending") return false;
      return Date.now() < pollDeadline(data) ? POLL_MS : false;
    },
  });
  const order = query.data;
  const pending = order.status === "pending";

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setTimedOut(true), Math.max(0, pollDeadline(order) - Date.now()));
    return () => clearTimeout(timer);
  }, [pending, order]);

  const linkReplaced = query.error instanceof ApiError && query.error.problem.status === 404;
  if (linkReplaced) {
    return (
      <section className={alertClass("error")} role="alert">
        <strong>This link no longer opens your order.</strong> A newer link to your tickets was sent in your
        confirmation email: please use that one. Lost it? <Link href="/tickets/find">Find my tickets</Link>.
      </section>
    );
  }

  if (pending && !timedOut) {
    return (
      <section className={ui.card} aria-live="polite">
        <div className={styles.status}>
          <span className={styles.spinner} aria-hidden="true" />
          <div>
            <strong>Confirming payment…</strong>
            <div className={ui.hint}>
              This usually takes a few seconds. Your tickets appear here, and in your email, as soon as the
              payment is confirmed.
            </div>
          </div>
        </div>
      </section>
    );
  }

  if (pending) {
    return (
      <section className={cx(ui.card, ui.stack)} aria-live="polite">
        <strong>We have not received a payment confirmation yet.</strong>
        <p className={ui.hint}>
          If you completed the payment, your tickets will be emailed to you as soon as it is confirmed.
        </p>
        <div>
          <button
            type="button"
            className={buttonClass({ variant: "secondary" })}
            onClick={() => void query.refetch()}
            disabled={query.isFetching}
          >
            {query.isFetching ? "Checking…" : "Check again"}
          </button>
        </div>
      </section>
    );
  }

  if (!hasPasses(order.status)) {
    return (
      <section className={alertClass("error", ui.stack)} role="alert">
        <strong>Payment not completed</strong>
        <p>
          {order.status === "expired"
            ? "The checkout ran out of time before the payment went through. You were not charged and the seats were released."
            : "This order was cancelled. You were not charged."}
        </p>
        <p>
          <a href={links.eventPage}>Back to the event</a>
        </p>
      </section>
    );
  }

  const count = order.tickets.length;
  // Shown until the event starts; the server decides each request (and says why not).
  const beforeStart = openedAt < Date.parse(order.event.startsAt);
  const changeable = beforeStart && (order.status === "paid" || order.status === "partially_refunded");
  return (
    <section className={ui.stack} aria-labelledby="passes-heading">
      <h2 id="passes-heading">{count === 1 ? "Your pass" : `Your ${count} passes`}</h2>
      {order.status === "refunded" ? (
        <p className={alertClass("error")}>This order was refunded. Its tickets are no longer valid.</p>
      ) : (
        <p className={ui.hint}>
          Show each QR code at the door; every code admits one person once. Turn your screen brightness up.
        </p>
      )}
      {count === 0 ? <p className={ui.muted}>Your tickets are being prepared. Refresh in a moment.</p> : null}
      <div className={styles.passes}>
        {order.tickets.map((ticket, index) => (
          <PassCard
            key={ticket.id}
            ticket={ticket}
            token={token}
            index={index}
            count={count}
            eventTime={order.event.startsAtLocal}
          >
            {ticket.status === "valid" && !ticket.disputed ? (
              <TicketDownloads orderId={order.id} ticket={ticket} token={token} wallet={wallet} />
            ) : null}
            {changeable && ticket.status === "valid" ? (
              <TicketActions
                orderId={order.id}
                ticketId={ticket.id}
                holderName={ticket.holderName}
                token={token}
                canRename
                canTransfer={order.event.transfersEnabled && !ticket.disputed}
                onChanged={() => void query.refetch()}
              />
            ) : null}
          </PassCard>
        ))}
      </div>
      <div className={ui.row}>
        {order.tickets.some((ticket) => ticket.status === "valid") ? (
          <a className={buttonClass({ variant: "secondary" })} href={links.ticketsPdf} download>
            {count === 1 ? "Download PDF" : "Download all as PDF"}
          </a>
        ) : null}
        <a className={buttonClass({ variant: "secondary" })} href={links.calendarIcs} download>
          Add to calendar
        </a>
        <a
          className={buttonClass({ variant: "secondary" })}
          href={links.googleCalendar}
          target="_blank"
          rel="noopener noreferrer"
        >
          Google Calendar
        </a>
      </div>
      {order.status === "paid" || order.status === "partially_refunded" ? (
        <ResendTicketsButton orderId={order.id} token={token} />
      ) : null}
      {order.status === "paid" || order.status === "partially_refunded" ? (
        <RotateLinkButton
          path={`/api/tickets/orders/${encodeURIComponent(order.id)}/access-link?token=${encodeURIComponent(token)}`}
          label="Shared this link by mistake? Get a new one"
          confirmText="This link will stop working and a new one will be emailed to you."
          doneText="A new link was sent to your email. This page's link no longer opens your order."
        />
      ) : null}
    </section>
  );
}
