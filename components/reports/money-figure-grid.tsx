import { formatMoney } from "@/lib/money/format-money";
import type { MoneyFigures } from "@/lib/reports/types";
import { cx, ui } from "@/components/ui/styles";

/** One currency's figures as labelled numbers (a <dl>), net to organizer first. */
export function MoneyFigureGrid({ money }: { money: MoneyFigures }) {
  const m = (minor: number) => formatMoney(minor, money.currency);
  const figures: { label: string; value: string; hint?: string }[] = [
    { label: "Net to organizer", value: m(money.netMinor), hint: "before Stripe's processing fees" },
    {
      label: "Gross sales",
      value: m(money.grossMinor),
      hint: `${money.orders} orders · ${money.tickets} tickets`,
    },
    { label: "Platform fees", value: m(money.platformFeesMinor) },
    {
      label: "Refunds",
      value: m(money.refundsMinor),
      hint: `${money.refundCount} refunds · platform's part ${m(money.platformRefundsMinor)}`,
    },
    { label: "Tax collected", value: m(money.taxMinor) },
    { label: "Discounts given", value: m(money.discountMinor) },
  ];
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(180px,1fr))] gap-3" data-currency={money.currency}>
      {figures.map((f) => (
        <div key={f.label} className={cx(ui.card, "flex flex-col gap-1 p-4")}>
          <dt className={ui.hint}>{f.label}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-figure={f.label}>
            {f.value}
          </dd>
          {f.hint ? <dd className={ui.hint}>{f.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** "12 of 40 checked in (30%)" with a progress bar. */
export function CheckinMeter({ valid, checkedIn }: { valid: number; checkedIn: number }) {
  const percent = valid > 0 ? Math.round((checkedIn / valid) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <p>
        {checkedIn} of {valid} valid tickets checked in ({percent}%)
      </p>
      <div
        role="progressbar"
        aria-label="Check-in progress"
        aria-valuemin={0}
        aria-valuemax={valid}
        aria-valuenow={checkedIn}
        className="h-2 w-full overflow-hidden rounded-full bg-line"
      >
        <div className="h-full bg-ok" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
