"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CheckinMeter, MoneyFigureGrid } from "@/components/reports/money-figure-grid";
import { dashboardQuery } from "@/components/reports/report-queries";
import { ApiError } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TableFrame } from "@/components/ui/table-frame";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { formatInZone } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import type { DashboardEventRow, MoneyFigures } from "@/lib/reports/types";

const joinMoney = (money: readonly MoneyFigures[], pick: (m: MoneyFigures) => number) =>
  money.length === 0 ? "—" : money.map((m) => formatMoney(pick(m), m.currency)).join(" + ");

/** The organizer's sales over every event (per currency) and a row per event, refreshed every few seconds. */
export function OrganizerDashboard({ timeZone }: { timeZone: string }) {
  const query = useQuery(dashboardQuery);
  if (query.isPending) return <Skeleton rows={6} label="Loading sales…" />;
  if (query.isError) {
    return (
      <Alert tone="error">
        {query.error instanceof ApiError ? query.error.message : "Could not load sales."}
      </Alert>
    );
  }
  const data = query.data;
  return (
    <section className={ui.stack} aria-labelledby="dashboard-sales">
      <h2 id="dashboard-sales">Sales across your events</h2>
      {data.totals.length === 0 ? (
        <EmptyState
          title="No sales yet"
          action={
            <Link
              href="/tickets/organizer/events"
              className={buttonClass({ variant: "secondary", size: "sm" })}
            >
              Go to events
            </Link>
          }
        >
          Gross sales, fees, refunds and net to you show here within seconds of the first order.
        </EmptyState>
      ) : (
        data.totals.map((money) => (
          <div key={money.currency} className={ui.stack}>
            {data.totals.length > 1 ? <h3>{money.currency.toUpperCase()}</h3> : null}
            <MoneyFigureGrid money={money} />
          </div>
        ))
      )}
      <p className={ui.hint}>
        Net to organizer: gross sales − platform fees − refunds + the platform fees given back with refunds,
        before Stripe&rsquo;s processing fees. Currencies are never added together. Updated{" "}
        {formatInZone(data.asOf, timeZone, { style: "time" })}.
      </p>
      <div className={cx(ui.card, ui.stack)}>
        <CheckinMeter valid={data.checkin.valid} checkedIn={data.checkin.checkedIn} />
        {data.taxes.length > 0 ? (
          <p className={ui.small}>
            Tax collected:{" "}
            {data.taxes.map((t) => `${t.name} ${formatMoney(t.amountMinor, t.currency)}`).join(" · ")}
          </p>
        ) : null}
        {data.comps.orders > 0 ? (
          <p className={ui.hint}>
            {data.comps.orders} comp orders ({data.comps.tickets} tickets), no money.
          </p>
        ) : null}
      </div>
      {data.events.length > 0 ? <EventTable rows={data.events} /> : null}
    </section>
  );
}

function EventTable({ rows }: { rows: DashboardEventRow[] }) {
  return (
    <TableFrame label="Sales per event">
      <table className={ui.table}>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Starts</th>
            <th scope="col" className="text-right">
              Tickets
            </th>
            <th scope="col" className="text-right">
              Gross
            </th>
            <th scope="col" className="text-right">
              Refunds
            </th>
            <th scope="col" className="text-right">
              Net to organizer
            </th>
            <th scope="col" className="text-right">
              Checked in
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.event.id} data-event={row.event.id}>
              <th scope="row" className="font-normal">
                <Link href={`/tickets/organizer/events/${encodeURIComponent(row.event.id)}?tab=sales`}>
                  {row.event.title}
                </Link>
                <span className={cx(ui.hint, "block")}>{row.event.status}</span>
              </th>
              <td className="whitespace-nowrap">{formatInZone(row.event.startsAt, row.event.timezone)}</td>
              <td className="text-right tabular-nums">{row.money.reduce((n, m) => n + m.tickets, 0)}</td>
              <td className="text-right tabular-nums">{joinMoney(row.money, (m) => m.grossMinor)}</td>
              <td className="text-right tabular-nums">{joinMoney(row.money, (m) => m.refundsMinor)}</td>
              <td className="text-right tabular-nums">{joinMoney(row.money, (m) => m.netMinor)}</td>
              <td className="text-right tabular-nums">
                {row.checkin.checkedIn} / {row.checkin.valid}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
