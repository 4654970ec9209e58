"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import {
  fetchTiers,
  isFrozen,
  tiersQueryKey,
  type TierJson,
  type TierListJson,
} from "@/components/tiers/tier-queries";
import { apiFetch, problemText, serverFieldErrors } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { LoadedList } from "@/components/ui/loaded-list";
import { useOptimisticCache } from "@/components/ui/optimistic-cache";
import { zoneLabel } from "@/components/ui/time-zones";
import { useFormValues } from "@/components/ui/use-form-values";
import { formatEventTime } from "@/lib/events/format-event-time";
import { instantToLocalInput, parseLocalDateTime, zonedTimeToInstant } from "@/lib/events/zoned-time";
import { formatMoney } from "@/lib/money/format-money";
import { formatMinorAsMajor, parsePriceToMinor } from "@/lib/tiers/parse-price";
import { TableFrame } from "@/components/ui/table-frame";
import { badgeClass, buttonClass, cx, ui } from "@/components/ui/styles";

type FormKey =
  | "name"
  | "description"
  | "price"
  | "capacity"
  | "maxPerOrder"
  | "salesStartAt"
  | "salesEndAt"
  | "visibility";

interface FormValues {
  name: string;
  description: string;
  price: string;
  capacity: string;
  maxPerOrder: string;
  salesStartAt: string;
  salesEndAt: string;
  visibility: "public" | "hidden";
}

const LABELS: Record<FormKey, string> = {
  name: "Tier name",
  description: "Description",
  price: "Price",
  capacity: "Capacity",
  maxPerOrder: "Max per order",
  salesStartAt: "Sales start",
  salesEndAt: "Sales end",
  visibility: "Visibility",
};

/** API field → the input it belongs beside. */
const SERVER_FIELDS: Record<string, FormKey> = {
  name: "name",
  description: "description",
  priceMinor: "price",
  currency: "price",
  capacity: "capacity",
  maxPerOrder: "maxPerOrder",
  salesStartAt: "salesStartAt",
  salesEndAt: "salesEndAt",
  visibility: "visibility",
};

const EMPTY: FormValues = {
  name: "",
  description: "",
  price: "",
  capacity: "",
  maxPerOrder: "",
  salesStartAt: "",
  salesEndAt: "",
  visibility: "public",
};

type TierBody = Partial<{
  name: string;
  description: string | null;
  priceMinor: number;
  capacity: number;
  maxPerOrder: number;
  salesStartAt: string | null;
  salesEndAt: string | null;
  visibility: "public" | "hidden";
}>;

function valuesOf(tier: TierJson, timezone: string): FormValues {
  return {
    name: tier.name,
    description: tier.description ?? "",
    price: formatMinorAsMajor(tier.priceMinor, tier.currency),
    capacity: String(tier.capacity),
    maxPerOrder: String(tier.maxPerOrder),
    salesStartAt: tier.salesStartAt ? instantToLocalInput(tier.salesStartAt, timezone) : "",
    salesEndAt: tier.salesEndAt ? instantToLocalInput(tier.salesEndAt, timezone) : "",
    visibility: tier.visibility,
  };
}

/** The form's strings as an API body, or the messages for inputs that cannot be read. */
function toBody(
  values: FormValues,
  currency: string,
  timezone: string,
): { body: TierBody; errors: Partial<Record<FormKey, string>> } {
  const errors: Partial<Record<FormKey, string>> = {};
  const body: TierBody = {
    name: values.name.trim(),
    description: values.description.trim() || null,
    visibility: values.visibility,
  };
  const price = parsePriceToMinor(values.price, currency);
  if (price.ok) body.priceMinor = price.value;
  else errors.price = price.message;
  const wholeNumber = (key: "capacity" | "maxPerOrder", required: boolean) => {
    const text = values[key].trim();
    if (text === "") {
      if (required) errors[key] = "is required";
      return;
    }
    if (!/^\d+$/.test(text)) errors[key] = "must be a whole number";
    else body[key] = Number(text);
  };
  wholeNumber("capacity", true);
  wholeNumber("maxPerOrder", false);
  for (const key of ["salesStartAt", "salesEndAt"] as const) {
    const text = values[key];
    if (text === "") {
      body[key] = null;
      continue;
    }
    const local = parseLocalDateTime(text);
    if (!local) errors[key] = "must be a date and time";
    else body[key] = zonedTimeToInstant(local, timezone).toISOString();
  }
  return { body, errors };
}

/** Only the fields an edit actually changes, so untouched ones are not re-checked. */
function changedFields(body: TierBody, tier: TierJson): TierBody {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const before = tier[key as keyof TierJson];
    const same =
      (key === "salesStartAt" || key === "salesEndAt") &&
      typeof value === "string" &&
      typeof before === "string"
        ? new Date(value).getTime() === new Date(before).getTime()
        : value === before;
    if (!same) changed[key] = value;
  }
  return changed as TierBody;
}

export function TierManager({ eventId, currency }: { eventId: string; currency: string }) {
  const queryClient = useQueryClient();
  const key = tiersQueryKey(eventId);
  const idPrefix = `tier-${useId().replace(/:/g, "")}`;
  const nameInput = useRef<HTMLInputElement>(null);
  const list = useQuery({ queryKey: key, queryFn: () => fetchTiers(eventId) });
  const event = list.data?.event;
  const eventCurrency = event?.currency ?? currency.toLowerCase();
  const timezone = event?.timezone ?? "UTC";
  const frozen = isFrozen(event);

  const { values, setValues, localErrors, setLocalErrors, set, bind } = useFormValues<FormValues>(EMPTY);
  const [editing, setEditing] = useState<TierJson | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TierBody }) =>
      id
        ? apiFetch<TierJson>(`/api/tickets/tiers/${encodeURIComponent(id)}`, { method: "PATCH", body })
        : apiFetch<TierJson>(`/api/tickets/events/${encodeURIComponent(eventId)}/tiers`, { body }),
    onSuccess: (tier, { id }) => {
      setNotice(id ? `Saved ${tier.name}.` : `Added ${tier.name}.`);
      setValues(EMPTY);
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const fieldErrors = { ...serverFieldErrors(save.error, SERVER_FIELDS), ...localErrors };
  const hasFieldError = Object.keys(fieldErrors).length > 0;
  const cache = useOptimisticCache<TierListJson>(key);

  const visibility = useMutation({
    mutationFn: ({ tier, visibility }: { tier: TierJson; visibility: "public" | "hidden" }) =>
      apiFetch<TierJson>(`/api/tickets/tiers/${encodeURIComponent(tier.id)}`, {
        method: "PATCH",
        body: { visibility },
      }),
    onMutate: ({ tier, visibility }) => {
      setRowError(null);
      return cache.apply((data) => ({
        ...data,
        tiers: data.tiers.map((t) => (t.id === tier.id ? { ...t, visibility } : t)),
      }));
    },
    onError: (error, { tier, visibility }, context) => {
      cache.rollback(context);
      setRowError(problemText(error, `Could not ${visibility === "hidden" ? "hide" : "show"} ${tier.name}.`));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const reorder = useMutation({
    mutationFn: (tierIds: string[]) =>
      apiFetch<TierListJson>(`/api/tickets/events/${encodeURIComponent(eventId)}/tiers/order`, {
        method: "PUT",
        body: { tierIds },
      }),
    onMutate: (tierIds) => {
      setRowError(null);
      return cache.apply((data) => {
        const byId = new Map(data.tiers.map((t) => [t.id, t]));
        const tiers = tierIds.flatMap((id, i) => {
          const t = byId.get(id);
          return t ? [{ ...t, sortOrder: i }] : [];
        });
        return { ...data, tiers };
      });
    },
    onError: (error, _ids, context) => {
      cache.rollback(context);
      setRowError(problemText(error, "Could not change the order of the tiers."));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const remove = useMutation({
    mutationFn: (tier: TierJson) =>
      apiFetch<void>(`/api/tickets/tiers/${encodeURIComponent(tier.id)}`, { method: "DELETE" }),
    onMutate: () => setRowError(null),
    onSuccess: (_data, tier) => {
      setNotice(`Deleted ${tier.name}.`);
      if (editing?.id === tier.id) {
        setEditing(null);
        setValues(EMPTY);
      }
      // The event's discount codes may have lost the tier from their scope too.
      void queryClient.invalidateQueries({ queryKey: ["events", eventId] });
    },
    onError: (error, tier) => setRowError(problemText(error, `Could not delete ${tier.name}.`)),
  });

  function startEdit(tier: TierJson) {
    save.reset();
    setLocalErrors({});
    setNotice(null);
    setEditing(tier);
    setValues(valuesOf(tier, timezone));
    nameInput.current?.focus();
  }

  function cancelEdit() {
    save.reset();
    setLocalErrors({});
    setEditing(null);
    setValues(EMPTY);
  }

  function move(index: number, by: -1 | 1) {
    const tiers = list.data?.tiers ?? [];
    const ids = tiers.map((t) => t.id);
    const other = index + by;
    if (other < 0 || other >= ids.length) return;
    [ids[index], ids[other]] = [ids[other]!, ids[index]!];
    reorder.mutate(ids);
  }

  function submit() {
    setNotice(null);
    const { body, errors } = toBody(values, eventCurrency, timezone);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      save.reset();
      return;
    }
    if (editing) save.mutate({ id: editing.id, body: changedFields(body, editing) });
    else save.mutate({ id: null, body });
  }

  const inputProps = (k: FormKey) => fieldAria(`${idPrefix}-${k}`, fieldErrors[k]);

  const field = (k: FormKey, input: React.ReactNode, hint?: string) => (
    <Field
      id={`${idPrefix}-${k}`}
      label={LABELS[k]}
      hint={hint}
      error={fieldErrors[k] ? `${LABELS[k]} ${fieldErrors[k]}` : null}
    >
      {input}
    </Field>
  );

  const tiers = list.data?.tiers ?? [];
  const busy = save.isPending;

  return (
    <div className={ui.stack}>
      <section className={cx(ui.card, ui.stack)} aria-label="Tiers">
        <h2>Tiers</h2>
        {frozen ? (
          <Alert tone="info">This event is {event?.status}; its tiers can no longer be changed.</Alert>
        ) : null}
        {list.isError ? (
          <Alert tone="error">
            {problemText(list.error, "Could not load the tiers. Check your connection and reload.")}
          </Alert>
        ) : null}
        {rowError ? <Alert tone="error">{rowError}</Alert> : null}
        <LoadedList
          isPending={list.isPending}
          isError={list.isError}
          count={tiers.length}
          loading="Loading tiers…"
          empty="No tiers yet. Add the first one below."
        >
          <TableFrame label="Tier list">
            <table className={ui.table} aria-label="Tiers">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Price</th>
                  <th>Capacity</th>
                  <th>Sold</th>
                  <th>Visibility</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {tiers.map((tier, index) => (
                  <tr key={tier.id}>
                    <td>
                      {tier.name}
                      {tier.salesStartAt || tier.salesEndAt ? (
                        <div className={ui.hint}>
                          {tier.salesStartAt
                            ? `From ${formatEventTime(new Date(tier.salesStartAt), timezone)}`
                            : ""}
                          {tier.salesStartAt && tier.salesEndAt ? " " : ""}
                          {tier.salesEndAt
                            ? `until ${formatEventTime(new Date(tier.salesEndAt), timezone)}`
                            : ""}
                        </div>
                      ) : null}
                    </td>
                    <td>{formatMoney(tier.priceMinor, tier.currency)}</td>
                    <td>{tier.capacity}</td>
                    <td>
                      {tier.sold}
                      {tier.held > 0 ? <span className={ui.hint}> (+{tier.held} in checkout)</span> : null}
                    </td>
                    <td>
                      {tier.visibility === "public" ? (
                        <span className={badgeClass("ok")}>Public</span>
                      ) : (
                        <span className={badgeClass("warn")}>Hidden</span>
                      )}
                    </td>
                    <td>
                      <div className={ui.row}>
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm" })}
                          disabled={frozen || reorder.isPending || index === 0}
                          onClick={() => move(index, -1)}
                          aria-label={`Move ${tier.name} up`}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm" })}
                          disabled={frozen || reorder.isPending || index === tiers.length - 1}
                          onClick={() => move(index, 1)}
                          aria-label={`Move ${tier.name} down`}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm" })}
                          disabled={frozen}
                          onClick={() => startEdit(tier)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm" })}
                          disabled={frozen}
                          onClick={() =>
                            visibility.mutate({
                              tier,
                              visibility: tier.visibility === "public" ? "hidden" : "public",
                            })
                          }
                        >
                          {tier.visibility === "public" ? "Hide" : "Show"}
                        </button>
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm" })}
                          disabled={frozen || (remove.isPending && remove.variables?.id === tier.id)}
                          onClick={() => remove.mutate(tier)}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </LoadedList>
      </section>

      {frozen ? null : (
        <form
          className={cx(ui.card, ui.stack)}
          noValidate
          aria-label={editing ? `Edit ${editing.name}` : "Add a tier"}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2>{editing ? `Edit ${editing.name}` : "Add a tier"}</h2>
          {notice ? <Alert tone="ok">{notice}</Alert> : null}
          {save.isError && !hasFieldError ? (
            <Alert tone="error">
              {problemText(save.error, "Could not save the tier. Check your connection and try again.")}
            </Alert>
          ) : null}
          {field(
            "name",
            <input ref={nameInput} required maxLength={80} {...bind("name")} {...inputProps("name")} />,
          )}
          {field(
            "description",
            <textarea rows={2} {...bind("description")} {...inputProps("description")} />,
          )}
          <div className={ui.grid}>
            {field(
              "price",
              <input
                inputMode="decimal"
                autoComplete="off"
                required
                placeholder={formatMinorAsMajor(0, eventCurrency)}
                {...bind("price")}
                {...inputProps("price")}
              />,
              `In ${eventCurrency.toUpperCase()}, e.g. ${formatMinorAsMajor(2500, eventCurrency)}`,
            )}
            {field(
              "capacity",
              <input
                type="number"
                min={1}
                step={1}
                required
                {...bind("capacity")}
                {...inputProps("capacity")}
              />,
            )}
            {field(
              "maxPerOrder",
              <input
                type="number"
                min={1}
                max={50}
                step={1}
                placeholder="10"
                {...bind("maxPerOrder")}
                {...inputProps("maxPerOrder")}
              />,
              "Up to 50; 10 if left empty.",
            )}
          </div>
          <div className={ui.grid}>
            {field(
              "salesStartAt",
              <input type="datetime-local" {...bind("salesStartAt")} {...inputProps("salesStartAt")} />,
              `Event time (${zoneLabel(timezone)}); empty: on sale now.`,
            )}
            {field(
              "salesEndAt",
              <input type="datetime-local" {...bind("salesEndAt")} {...inputProps("salesEndAt")} />,
              "Empty: until the event.",
            )}
            {field(
              "visibility",
              <select
                value={values.visibility}
                onChange={(e) => set("visibility", e.target.value as FormValues["visibility"])}
                {...inputProps("visibility")}
              >
                <option value="public">Public</option>
                <option value="hidden">Hidden</option>
              </select>,
              "Hidden tiers are not on the event page.",
            )}
          </div>
          <div className={ui.row}>
            <button className={buttonClass()} type="submit" disabled={busy || list.isPending}>
              {editing ? (busy ? "Saving…" : "Save tier") : busy ? "Adding…" : "Add tier"}
            </button>
            {editing ? (
              <button type="button" className={buttonClass({ variant: "secondary" })} onClick={cancelEdit}>
                Cancel
              </button>
            ) : null}
          </div>
        </form>
      )}
    </div>
  );
}
