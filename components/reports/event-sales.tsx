"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BarChart, type ChartBucket } from "@/components/reports/bar-chart";
import { CheckinMeter, MoneyFigureGrid } from "@/components/reports/money-figure-grid";
import { eventMetricsQuery, eventSummaryQuery } from "@/components/reports/report-queries";
import { ApiError } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TableFrame } from "@/components/ui/table-frame";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { formatInZone, instantToLocalInput } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import type { MetricsInterval } from "@/lib/reports/metrics-range";
import type { EventMetrics, EventSummary } from "@/lib/reports/types";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12 Dec" for days, "20:00" for hours: the bucket's start on the event's wall clock. */
function axisLabel(iso: string, interval: MetricsInterval, timeZone: string): string {
  const local = instantToLocalInput(iso, timeZone);
  if (interval === "hour") return local.slice(11, 16);
  return `${Number(local.slice(8, 10))} ${MONTHS[Number(local.slice(5, 7)) - 1]}`;
}

function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** The event's Sales tab: its figures, units per tier, codes, check-in and a chart, refreshed every few seconds. */
export function EventSales({ eventId, active }: { eventId: string; active: boolean }) {
  const summary = useQuery({ ...eventSummaryQuery(eventId), enabled: active });
  if (summary.isPending) return <Skeleton rows={6} label="Loading sales…" />;
  if (summary.isError) return <Alert tone="error">{errorText(summary.error, "Could not load sales.")}</Alert>;
  return <SalesView summary={summary.data} active={active} />;
}

function SalesView({ summary, active }: { summary: EventSummary; active: boolean }) {
  const { event } = summary;
  return (
    <div className={ui.stack}>
      {summary.money.length === 0 ? (
        <EmptyState title="No sales yet">
          Sales, refunds and fees show here within seconds of the first order.
        </EmptyState>
      ) : (
        summary.money.map((money) => (
          <section
            key={money.currency}
            className={ui.stack}
            aria-label={`Sales in ${money.currency.toUpperCase()}`}
          >
            <MoneyFigureGrid money={money} />
          </section>
        ))
      )}
      <p className={ui.hint}>
        Net to organizer is gross sales minus platform fees and refunds, plus the platform fees given back
        with refunds; Stripe&rsquo;s own processing fees are not taken off. Updated{" "}
        {formatInZone(summary.asOf, event.timezone, { style: "time" })}.
      </p>
      <SalesChart eventId={event.id} timeZone={event.timezone} active={active} />
      <section className={cx(ui.card, ui.stack)}>
        <h2>Check-in</h2>
        <CheckinMeter valid={summary.checkin.valid} checkedIn={summary.checkin.checkedIn} />
        {summary.comps.orders > 0 ? (
          <p className={ui.hint}>
            Includes {summary.comps.tickets} comp tickets from {summary.comps.orders} comp orders (no payment;
            not in the money above).
          </p>
        ) : null}
      </section>
      <section className={ui.stack}>
        <h2>Tickets by tier</h2>
        {summary.tiers.length === 0 ? (
          <EmptyState title="No tiers yet">Add tickets in the Tickets tab.</EmptyState>
        ) : (
          <TableFrame label="Tickets by tier">
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col" className="text-right">
                    Sold
                  </th>
                  <th scope="col" className="text-right">
                    In checkout
                  </th>
                  <th scope="col" className="text-right">
                    Remaining
                  </th>
                  <th scope="col" className="text-right">
                    Capacity
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.tiers.map((tier) => (
                  <tr key={tier.id}>
                    <th scope="row" className="font-normal">
                      {tier.name}
                    </th>
                    <td className="text-right tabular-nums">{tier.sold}</td>
                    <td className="text-right tabular-nums">{tier.held}</td>
                    <td className="text-right tabular-nums">{tier.remaining}</td>
                    <td className="text-right tabular-nums">{tier.capacity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
        {summary.capacity !== null ? (
          <p className={ui.hint}>
            Event cap {summary.capacity}; {summary.remaining} seats left under it. Sold counts valid tickets,
            comps included.
          </p>
        ) : null}
      </section>
      <section className={ui.stack}>
        <h2>Tax collected</h2>
        {summary.taxes.length === 0 ? (
          <p className={ui.hint}>No tax charged on these orders.</p>
        ) : (
          <TableFrame label="Tax collected">
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">Tax</th>
                  <th scope="col" className="text-right">
                    Collected
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.taxes.map((t) => (
                  <tr key={`${t.currency}-${t.name}`}>
                    <th scope="row" className="font-normal">
                      {t.name}
                    </th>
                    <td className="text-right tabular-nums">{formatMoney(t.amountMinor, t.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
      <section className={ui.stack}>
        <h2>Discount codes</h2>
        {summary.discounts.length === 0 ? (
          <p className={ui.hint}>No discount codes for this event.</p>
        ) : (
          <TableFrame label="Discount code usage">
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col" className="text-right">
                    Orders
                  </th>
                  <th scope="col" className="text-right">
                    Discount given
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.discounts.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" className="font-mono font-normal">
                      {d.code}
                    </th>
                    <td className="text-right tabular-nums">{d.usage.reduce((n, u) => n + u.orders, 0)}</td>
                    <td className="text-right tabular-nums">
                      {d.usage.length === 0
                        ? formatMoney(0, event.currency)
                        : d.usage.map((u) => formatMoney(u.discountMinor, u.currency)).join(" + ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}

function SalesChart({ eventId, timeZone, active }: { eventId: string; timeZone: string; active: boolean }) {
  const [interval, setBucketSize] = useState<MetricsInterval>("day");
  const metrics = useQuery({ ...eventMetricsQuery(eventId, interval), enabled: active });
  return (
    <section className={ui.stack} aria-label="Sales over time">
      <div className={cx(ui.row, "justify-between")}>
        <h2>Over time</h2>
        <div role="group" aria-label="Bucket size" className={ui.row}>
          {(["hour", "day"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={interval === option}
              onClick={() => setBucketSize(option)}
              className={buttonClass({ variant: interval === option ? "primary" : "secondary", size: "sm" })}
            >
              By {option}
            </button>
          ))}
        </div>
      </div>
      {metrics.isPending ? (
        <Skeleton rows={4} label="Loading the chart…" />
      ) : metrics.isError ? (
        <Alert tone="error">{errorText(metrics.error, "Could not load the chart.")}</Alert>
      ) : (
        <Charts metrics={metrics.data} timeZone={timeZone} />
      )}
    </section>
  );
}

function Charts({ metrics, timeZone }: { metrics: EventMetrics; timeZone: string }) {
  return (
    <>
      <p className={ui.hint}>
        {formatInZone(metrics.from, timeZone)} to {formatInZone(metrics.to, timeZone)}, by {metrics.interval}{" "}
        in the event&rsquo;s time zone.
      </p>
      {metrics.series.map((series) => {
        const buckets = (value: (p: (typeof series.points)[number]) => number): ChartBucket[] =>
          series.points.map((p) => ({
            label: axisLabel(p.start, metrics.interval, timeZone),
            fullLabel: formatInZone(p.start, timeZone),
            value: value(p),
          }));
        const money = (minor: number) => formatMoney(minor, series.currency);
        const suffix = metrics.series.length > 1 ? ` (${series.currency.toUpperCase()})` : "";
        return (
          <div key={series.currency} className="grid gap-3 lg:grid-cols-3">
            <BarChart title={`Tickets sold${suffix}`} buckets={buckets((p) => p.sold)} format={String} />
            <BarChart title={`Revenue${suffix}`} buckets={buckets((p) => p.grossMinor)} format={money} />
            <BarChart
              title={`Refunds${suffix}`}
              buckets={buckets((p) => p.refundsMinor)}
              format={money}
              tone="bad"
            />
          </div>
        );
      })}
    </>
  );
}
