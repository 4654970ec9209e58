"use client";

import { useId } from "react";
import { buttonClass, cx, ui } from "@/components/ui/styles";

export interface TaxRow {
  key: string;
  name: string;
  /** Percent as typed, e.g. "5" or "7.5". */
  rate: string;
  inclusive: boolean;
}

/** "7.5" → 750 basis points; null when it is not a number (the API then names the field). */
export function percentToBps(rate: string): number | null {
  const value = rate.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

export function bpsToPercent(bps: number): string {
  return String(bps / 100);
}

let nextKey = 0;
export function newTaxRow(values: Partial<Omit<TaxRow, "key">> = {}): TaxRow {
  nextKey += 1;
  return { key: `tax-${nextKey}`, name: "", rate: "", inclusive: false, ...values };
}

/** Named tax lines (e.g. GST 5% + PST 7%); errors come keyed like the API's: taxes.0.rateBps. */
export function TaxesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: TaxRow[];
  onChange: (rows: TaxRow[]) => void;
  errors: Record<string, string>;
}) {
  const id = useId();
  const update = (index: number, patch: Partial<TaxRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className={cx(ui.card, ui.stack)}>
      <legend>Taxes</legend>
      <p className={ui.hint}>
        Added to each ticket (or included in its price) and shown to buyers as named lines.
      </p>
      {errors.taxes ? <p className={ui.fieldError}>Taxes {errors.taxes}</p> : null}
      {rows.map((row, i) => {
        const nameError = errors[`taxes.${i}.name`] ?? errors[`taxes.${i}`];
        const rateError = errors[`taxes.${i}.rateBps`];
        const inclusiveError = errors[`taxes.${i}.inclusive`];
        return (
          <div key={row.key} className={cx(ui.row, "items-start")}>
            <div className={ui.field}>
              <label htmlFor={`${id}-${i}-name`}>Tax name</label>
              <input
                id={`${id}-${i}-name`}
                value={row.name}
                maxLength={40}
                onChange={(e) => update(i, { name: e.target.value })}
                aria-invalid={nameError ? true : undefined}
              />
              {nameError ? <p className={ui.fieldError}>{nameError}</p> : null}
            </div>
            <div className={cx(ui.field, "max-w-32")}>
              <label htmlFor={`${id}-${i}-rate`}>Rate (%)</label>
              <input
                id={`${id}-${i}-rate`}
                inputMode="decimal"
                value={row.rate}
                onChange={(e) => update(i, { rate: e.target.value })}
                aria-invalid={rateError ? true : undefined}
              />
              {rateError ? <p className={ui.fieldError}>Enter a percentage from 0 to 100.</p> : null}
            </div>
            <div className={ui.field}>
              <label htmlFor={`${id}-${i}-inclusive`}>Included in price</label>
              <input
                id={`${id}-${i}-inclusive`}
                type="checkbox"
                checked={row.inclusive}
                onChange={(e) => update(i, { inclusive: e.target.checked })}
              />
              {inclusiveError ? <p className={ui.fieldError}>{inclusiveError}</p> : null}
            </div>
            <button
              type="button"
              className={buttonClass({ variant: "secondary" }, "self-end")}
              aria-label={`Remove tax ${row.name || i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className={buttonClass({ variant: "secondary" })}
          onClick={() => onChange([...rows, newTaxRow()])}
        >
          Add tax
        </button>
      </div>
    </fieldset>
  );
}
