"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fetchTiers, isFrozen, tiersQueryKey, type EventInfoJson } from "@/components/tiers/tier-queries";
import { ApiError, apiFetch, problemText, serverFieldErrors } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { Field, FieldError, fieldAria } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { LoadedList } from "@/components/ui/loaded-list";
import { useOptimisticCache } from "@/components/ui/optimistic-cache";
import { zoneLabel } from "@/components/ui/time-zones";
import { useFormValues } from "@/components/ui/use-form-values";
import { formatInZone, parseLocalDateTime, zonedTimeToInstant } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { formatBpsAsPercent, parsePercentToBps, parsePriceToMinor } from "@/lib/tiers/parse-price";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";

export interface DiscountJson {
  id: string;
  eventId: string;
  code: string;
  kind: "percent" | "fixed";
  percentBps: number | null;
  amountMinor: number | null;
  maxUses: number | null;
  validFrom: string | null;
  validUntil: string | null;
  tierIds: string[];
  active: boolean;
  uses: number;
}

interface DiscountListJson {
  event: EventInfoJson;
  discounts: DiscountJson[];
}

type FormKey = "code" | "kind" | "percent" | "amount" | "maxUses" | "validFrom" | "validUntil" | "tierIds";

interface FormValues {
  code: string;
  kind: "percent" | "fixed";
  percent: string;
  amount: string;
  maxUses: string;
  validFrom: string;
  validUntil: string;
  tierIds: string[];
}

const LABELS: Record<FormKey, string> = {
  code: "Code",
  kind: "Discount type",
  percent: "Percent off (%)",
  amount: "Amount off",
  maxUses: "Max uses",
  validFrom: "Valid from",
  validUntil: "Valid until",
  tierIds: "Tiers",
};

const SERVER_FIELDS: Record<string, FormKey> = {
  code: "code",
  kind: "kind",
  percentBps: "percent",
  amountMinor: "amount",
  currency: "amount",
  maxUses: "maxUses",
  validFrom: "validFrom",
  validUntil: "validUntil",
  tierIds: "tierIds",
};

const EMPTY: FormValues = {
  code: "",
  kind: "percent",
  percent: "",
  amount: "",
  maxUses: "",
  validFrom: "",
  validUntil: "",
  tierIds: [],
};

type DiscountBody = {
  code: string;
  kind: "percent" | "fixed";
  percentBps?: number;
  amountMinor?: number;
  maxUses: number | null;
  validFrom: string | null;
  validUntil: string | null;
  tierIds: string[];
};

export const discountsQueryKey = (eventId: string) => ["events", eventId, "discounts"] as const;

function toBody(
  values: FormValues,
  currency: string,
  timezone: string,
): { body: DiscountBody; errors: Partial<Record<FormKey, string>> } {
  const errors: Partial<Record<FormKey, string>> = {};
  const body: DiscountBody = {
    code: values.code.trim(),
    kind: values.kind,
    maxUses: null,
    validFrom: null,
    validUntil: null,
    tierIds: values.tierIds,
  };
  if (values.kind === "percent") {
    const bps = parsePercentToBps(values.percent);
    if (bps.ok) body.percentBps = bps.value;
    else errors.percent = bps.message;
  } else {
    const amount = parsePriceToMinor(values.amount, currency);
    if (!amount.ok) errors.amount = amount.message;
    else if (amount.value < 1) errors.amount = "must be more than 0";
    else body.amountMinor = amount.value;
  }
  const maxUses = values.maxUses.trim();
  if (maxUses !== "") {
    if (!/^\d+$/.test(maxUses)) errors.maxUses = "must be a whole number";
    else body.maxUses = Number(maxUses);
  }
  for (const key of ["validFrom", "validUntil"] as const) {
    if (values[key] === "") continue;
    const local = parseLocalDateTime(values[key]);
    if (!local) errors[key] = "must be a date and time";
    else body[key] = zonedTimeToInstant(local, timezone).toISOString();
  }
  return { body, errors };
}

function describeAmount(discount: DiscountJson, currency: string): string {
  if (discount.kind === "percent") return `${formatBpsAsPercent(discount.percentBps ?? 0)}% off`;
  return `${formatMoney(discount.amountMinor ?? 0, currency)} off each ticket`;
}

function describeValidity(discount: DiscountJson, timezone: string): string {
  const from = discount.validFrom ? formatInZone(discount.validFrom, timezone) : null;
  const until = discount.validUntil ? formatInZone(discount.validUntil, timezone) : null;
  if (from && until) return `${from} – ${until}`;
  if (from) return `From ${from}`;
  if (until) return `Until ${until}`;
  return "Always";
}

export function DiscountManager({ eventId, currency }: { eventId: string; currency: string }) {
  const queryClient = useQueryClient();
  const key = discountsQueryKey(eventId);
  const idPrefix = `discount-${useId().replace(/:/g, "")}`;
  const list = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<DiscountListJson>(`/api/tickets/events/${encodeURIComponent(eventId)}/discounts`),
  });
  const tiers = useQuery({ queryKey: tiersQueryKey(eventId), queryFn: () => fetchTiers(eventId) });
  const event = list.data?.event ?? tiers.data?.event;
  const eventCurrency = event?.currency ?? currency.toLowerCase();
  const timezone = event?.timezone ?? "UTC";
  const frozen = isFrozen(event);
  const tierNames = new Map((tiers.data?.tiers ?? []).map((t) => [t.id, t.name]));

  const { values, setValues, localErrors, setLocalErrors, set, bind } = useFormValues<FormValues>(EMPTY);
  const cache = useOptimisticCache<DiscountListJson>(key);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: DiscountBody) =>
      apiFetch<DiscountJson>(`/api/tickets/events/${encodeURIComponent(eventId)}/discounts`, { body }),
    onSuccess: (discount) => {
      setNotice(`Added code ${discount.code}.`);
      setValues(EMPTY);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const createError = create.error instanceof ApiError ? create.error : null;
  const serverErrors = serverFieldErrors(create.error, SERVER_FIELDS);
  const fieldErrors = { ...serverErrors, ...localErrors };
  const hasFieldError = Object.keys(fieldErrors).length > 0;

  const toggle = useMutation({
    mutationFn: ({ discount, active }: { discount: DiscountJson; active: boolean }) =>
      apiFetch<DiscountJson>(`/api/tickets/discounts/${encodeURIComponent(discount.id)}`, {
        method: "PATCH",
        body: { active },
      }),
    onMutate: ({ discount, active }) => {
      setRowError(null);
      return cache.apply((data) => ({
        ...data,
        discounts: data.discounts.map((d) => (d.id === discount.id ? { ...d, active } : d)),
      }));
    },
    onError: (error, { discount, active }, context) => {
      cache.rollback(context);
      setRowError(
        problemText(error, `Could not ${active ? "activate" : "deactivate"} the code ${discount.code}.`),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  function submit() {
    setNotice(null);
    const { body, errors } = toBody(values, eventCurrency, timezone);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      create.reset();
      return;
    }
    create.mutate(body);
  }

  const inputProps = (k: FormKey) => fieldAria(`${idPrefix}-${k}`, fieldErrors[k]);

  /** A conflict (e.g. the code is taken) reads as the server's sentence; anything else after the label. */
  const errorText = (k: FormKey) =>
    fieldErrors[k]
      ? createError?.problem.status === 409 && serverErrors[k]
        ? serverErrors[k]
        : `${LABELS[k]} ${fieldErrors[k]}`
      : null;

  const field = (k: FormKey, input: React.ReactNode, hint?: string) => (
    <Field id={`${idPrefix}-${k}`} label={LABELS[k]} hint={hint} error={errorText(k)}>
      {input}
    </Field>
  );

  const discounts = list.data?.discounts ?? [];
  const tierOptions = tiers.data?.tiers ?? [];

  return (
    <div className={ui.stack}>
      <section className={cx(ui.card, ui.stack)} aria-label="Discount codes">
        <h2>Discount codes</h2>
        {frozen ? (
          <Alert tone="info">
            This event is {event?.status}; its discount codes can no longer be changed.
          </Alert>
        ) : null}
        {list.isError ? (
          <Alert tone="error">
            {problemText(list.error, "Could not load the discount codes. Check your connection and reload.")}
          </Alert>
        ) : null}
        {rowError ? <Alert tone="error">{rowError}</Alert> : null}
        <LoadedList
          isPending={list.isPending}
          isError={list.isError}
          count={discounts.length}
          loading="Loading codes…"
          empty="No discount codes yet."
        >
          <DataTable
            label="Discount codes"
            rows={discounts}
            rowKey={(d) => d.id}
            searchText={(d) => d.code}
            searchLabel="Search codes"
            empty={null}
            columns={[
              { id: "code", header: "Code", sortValue: (d) => d.code, cell: (d) => <code>{d.code}</code> },
              { id: "discount", header: "Discount", cell: (d) => describeAmount(d, eventCurrency) },
              {
                id: "tiers",
                header: "Tiers",
                cell: (d) =>
                  d.tierIds.length === 0
                    ? "All tiers"
                    : d.tierIds.map((id) => tierNames.get(id) ?? "(deleted tier)").join(", "),
              },
              {
                id: "uses",
                header: "Uses",
                numeric: true,
                sortValue: (d) => d.uses,
                cell: (d) => `${d.uses} / ${d.maxUses ?? "unlimited"}`,
              },
              {
                id: "valid",
                header: "Valid",
                cell: (d) => <span className={ui.small}>{describeValidity(d, timezone)}</span>,
              },
              {
                id: "status",
                header: "Status",
                sortValue: (d) => (d.active ? 0 : 1),
                cell: (d) =>
                  d.active ? (
                    <span className={badgeClass("ok")}>Active</span>
                  ) : (
                    <span className={badgeClass("bad")}>Inactive</span>
                  ),
              },
              {
                id: "actions",
                header: "Actions",
                cell: (d) => (
                  <button
                    type="button"
                    className={buttonClass({ variant: "secondary", size: "sm" })}
                    disabled={frozen}
                    onClick={() => toggle.mutate({ discount: d, active: !d.active })}
                  >
                    {d.active ? "Deactivate" : "Activate"}
                  </button>
                ),
              },
            ]}
          />
        </LoadedList>
      </section>

      {frozen ? null : (
        <form
          className={cx(ui.card, ui.stack)}
          noValidate
          aria-label="Add a discount code"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2>Add a discount code</h2>
          {notice ? <Alert tone="ok">{notice}</Alert> : null}
          {create.isError && !hasFieldError ? (
            <Alert tone="error">
              {problemText(create.error, "Could not add the code. Check your connection and try again.")}
            </Alert>
          ) : null}
          <div className={ui.grid}>
            {field(
              "code",
              <input
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={32}
                {...bind("code")}
                {...inputProps("code")}
              />,
              "3–32 letters, digits, - or _. Buyers can type it in any case.",
            )}
            {field(
              "kind",
              <select
                value={values.kind}
                onChange={(e) => set("kind", e.target.value as FormValues["kind"])}
                {...inputProps("kind")}
              >
                <option value="percent">Percent off</option>
                <option value="fixed">Amount off each ticket</option>
              </select>,
            )}
            {values.kind === "percent"
              ? field(
                  "percent",
                  <input
                    inputMode="decimal"
                    autoComplete="off"
                    required
                    {...bind("percent")}
                    {...inputProps("percent")}
                  />,
                  "e.g. 15 or 12.5",
                )
              : field(
                  "amount",
                  <input
                    inputMode="decimal"
                    autoComplete="off"
                    required
                    {...bind("amount")}
                    {...inputProps("amount")}
                  />,
                  `In ${eventCurrency.toUpperCase()}, off each ticket.`,
                )}
          </div>
          <div className={ui.grid}>
            {field(
              "maxUses",
              <input type="number" min={1} step={1} {...bind("maxUses")} {...inputProps("maxUses")} />,
              "Orders that may use it; empty: unlimited.",
            )}
            {field(
              "validFrom",
              <input type="datetime-local" {...bind("validFrom")} {...inputProps("validFrom")} />,
              `Event time (${zoneLabel(timezone)}); empty: now.`,
            )}
            {field(
              "validUntil",
              <input type="datetime-local" {...bind("validUntil")} {...inputProps("validUntil")} />,
              "Empty: no end.",
            )}
          </div>
          <fieldset
            className={ui.field}
            aria-invalid={fieldErrors.tierIds ? true : undefined}
            aria-describedby={fieldErrors.tierIds ? `${idPrefix}-tierIds-error` : undefined}
          >
            <legend>Applies to</legend>
            {tierOptions.length === 0 ? (
              <p className={ui.hint}>No tiers yet: the code will apply to every tier.</p>
            ) : (
              <div className={ui.row}>
                {tierOptions.map((tier) => (
                  <label key={tier.id} className={cx(ui.row, "gap-1.5 font-normal")}>
                    <input
                      type="checkbox"
                      checked={values.tierIds.includes(tier.id)}
                      onChange={(e) =>
                        set(
                          "tierIds",
                          e.target.checked
                            ? [...values.tierIds, tier.id]
                            : values.tierIds.filter((id) => id !== tier.id),
                        )
                      }
                    />
                    {tier.name}
                  </label>
                ))}
              </div>
            )}
            {fieldErrors.tierIds ? null : <p className={ui.hint}>None checked: every tier.</p>}
            {fieldErrors.tierIds ? (
              <FieldError id={`${idPrefix}-tierIds`}>{errorText("tierIds")}</FieldError>
            ) : null}
          </fieldset>
          <button className={buttonClass()} type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add code"}
          </button>
        </form>
      )}
    </div>
  );
}
