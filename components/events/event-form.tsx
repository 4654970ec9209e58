"use client";

import { useState } from "react";
import {
  bpsToPercent,
  newTaxRow,
  percentToBps,
  TaxesEditor,
  type TaxRow,
} from "@/components/events/taxes-editor";
import { ApiError } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { TimeZoneSelect } from "@/components/ui/time-zones";
import { useSuggestedSlug } from "@/components/ui/use-suggested-slug";
import { suggestEventSlug } from "@/lib/events/event-rules";
import type { OrganizerEvent } from "@/lib/events/organizer-event-view";
import { instantToLocalInput } from "@/lib/events/zoned-time";
import { CURRENCY_CODES } from "@/lib/money/currencies";
import { buttonClass, cx, ui } from "@/components/ui/styles";

/** What the inputs hold: strings as typed (times are wall-clock in the chosen time zone). */
export interface EventFormValues {
  title: string;
  slug: string;
  summary: string;
  description: string;
  venueName: string;
  venueAddress: string;
  venueLatitude: string;
  venueLongitude: string;
  city: string;
  region: string;
  country: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  currency: string;
  feeModel: "buyer_pays" | "organizer_absorbs";
  allowRefundsUntil: string;
  stripeTaxEnabled: boolean;
  taxes: TaxRow[];
}

type TextField = Exclude<keyof EventFormValues, "stripeTaxEnabled" | "taxes" | "feeModel">;

const LABELS: Record<Exclude<keyof EventFormValues, "taxes">, string> = {
  title: "Title",
  slug: "Slug",
  summary: "Summary",
  description: "Description",
  venueName: "Venue name",
  venueAddress: "Venue address",
  venueLatitude: "Latitude",
  venueLongitude: "Longitude",
  city: "City",
  region: "Province / region",
  country: "Country",
  timezone: "Time zone",
  startsAt: "Starts",
  endsAt: "Ends",
  capacity: "Capacity",
  currency: "Currency",
  feeModel: "Fee model",
  allowRefundsUntil: "Refunds allowed until",
  stripeTaxEnabled: "Use Stripe Tax",
};

export function emptyEventValues(defaults: { timezone: string; currency: string }): EventFormValues {
  return {
    title: "",
    slug: "",
    summary: "",
    description: "",
    venueName: "",
    venueAddress: "",
    venueLatitude: "",
    venueLongitude: "",
    city: "",
    region: "",
    country: "",
    timezone: defaults.timezone,
    startsAt: "",
    endsAt: "",
    capacity: "",
    currency: defaults.currency,
    feeModel: "buyer_pays",
    allowRefundsUntil: "",
    stripeTaxEnabled: false,
    taxes: [],
  };
}

export function eventValues(event: OrganizerEvent): EventFormValues {
  const local = (iso: string | null) => (iso ? instantToLocalInput(iso, event.timezone) : "");
  return {
    title: event.title,
    slug: event.slug,
    summary: event.summary ?? "",
    description: event.description ?? "",
    venueName: event.venueName,
    venueAddress: event.venueAddress ?? "",
    venueLatitude: event.venueLatitude === null ? "" : String(event.venueLatitude),
    venueLongitude: event.venueLongitude === null ? "" : String(event.venueLongitude),
    city: event.city,
    region: event.region ?? "",
    country: event.country,
    timezone: event.timezone,
    startsAt: local(event.startsAt),
    endsAt: local(event.endsAt),
    capacity: event.capacity === null ? "" : String(event.capacity),
    currency: event.currency,
    feeModel: event.feeModel,
    allowRefundsUntil: local(event.allowRefundsUntil),
    stripeTaxEnabled: event.stripeTaxEnabled,
    taxes: event.taxes.map((t) =>
      newTaxRow({ name: t.name, rate: bpsToPercent(t.rateBps), inclusive: t.inclusive }),
    ),
  };
}

/** The JSON body for POST/PATCH /api/tickets/events: the API reads the times in `timezone`. */
export function eventRequestBody(values: EventFormValues): Record<string, unknown> {
  const { taxes, ...rest } = values;
  return {
    ...rest,
    taxes: taxes.map((t) => ({ name: t.name, rateBps: percentToBps(t.rate), inclusive: t.inclusive })),
  };
}

/** Server messages like "must be after the start" read with the label in front; sentences stand alone. */
function fieldMessage(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

export function EventForm({
  formLabel,
  idPrefix,
  initialValues,
  submitLabel,
  pendingLabel,
  suggestSlug = false,
  slugLocked = false,
  readOnly = false,
  isPending,
  error,
  notice,
  onSubmit,
}: {
  /** The form's accessible name: the tier form on the same page also has "Capacity" and "Description". */
  formLabel: string;
  idPrefix: string;
  initialValues: EventFormValues;
  submitLabel: string;
  pendingLabel: string;
  /** Fill the slug from the title until the slug is edited (new events). */
  suggestSlug?: boolean;
  slugLocked?: boolean;
  readOnly?: boolean;
  isPending: boolean;
  error: unknown;
  notice?: string | null;
  onSubmit: (body: Record<string, unknown>) => void;
}) {
  const [values, setValues] = useState<EventFormValues>(initialValues);
  const slug = useSuggestedSlug(setValues, "title", suggestEventSlug, suggestSlug);

  const apiError = error instanceof ApiError ? error : null;
  const fieldErrors = apiError?.fieldErrors ?? {};
  const shown = Object.keys(fieldErrors).some((f) => f in LABELS || f === "taxes" || f.startsWith("taxes."));

  function set<K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  const inputId = (key: string) => `${idPrefix}-${key}`;
  /** The input's id and error wiring. */
  const aria = (key: string) => fieldAria(inputId(key), fieldErrors[key]);

  function field(key: keyof typeof LABELS, input: React.ReactNode, hint?: string) {
    const message = fieldErrors[key];
    return (
      <Field
        id={inputId(key)}
        label={LABELS[key]}
        hint={hint}
        error={message ? fieldMessage(LABELS[key], message) : null}
      >
        {input}
      </Field>
    );
  }

  const text = (key: TextField, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input value={values[key]} onChange={(e) => set(key, e.target.value)} {...aria(key)} {...props} />
  );

  return (
    <form
      className={cx(ui.card, ui.stack)}
      aria-label={formLabel}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(eventRequestBody(values));
      }}
    >
      {apiError && !shown ? <Alert tone="error">{apiError.problem.detail}</Alert> : null}
      {error && !apiError ? (
        <Alert tone="error">Could not save the event. Check your connection and try again.</Alert>
      ) : null}
      {apiError && shown ? <Alert tone="error">Some fields need attention.</Alert> : null}
      {notice ? <Alert tone="ok">{notice}</Alert> : null}
      <fieldset disabled={readOnly} className={ui.stack}>
        {field(
          "title",
          <input required value={values.title} onChange={slug.onTitleChange} {...aria("title")} />,
        )}
        {field(
          "slug",
          text("slug", {
            readOnly: slugLocked,
            onChange: slug.onSlugChange,
          }),
          slugLocked
            ? "The public address is fixed once the event has been published."
            : "Lower-case letters, digits and hyphens: the event's public address, /tickets/e/<slug>.",
        )}
        {field("summary", text("summary", { maxLength: 280 }), "One line for event lists.")}
        {field(
          "description",
          <textarea
            rows={5}
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
            {...aria("description")}
          />,
        )}
        {field("venueName", text("venueName", { required: true }))}
        {field("venueAddress", text("venueAddress"))}
        <fieldset className={ui.stack}>
          <legend>Map pin (optional)</legend>
          <p className={ui.hint}>
            Wallet passes show on the buyer&rsquo;s lock screen near the venue. Copy the two numbers from any
            map, e.g. 49.2827 and -123.1207.
          </p>
          <div className={ui.grid}>
            {field("venueLatitude", text("venueLatitude", { inputMode: "decimal" }))}
            {field("venueLongitude", text("venueLongitude", { inputMode: "decimal" }))}
          </div>
        </fieldset>
        <div className={ui.grid}>
          {field("city", text("city", { required: true }))}
          {field("region", text("region"))}
          {field(
            "country",
            text("country", {
              maxLength: 2,
              autoCapitalize: "characters",
              onChange: (e) => set("country", e.target.value.toUpperCase()),
            }),
            "Two-letter code, e.g. CA",
          )}
        </div>
        {field(
          "timezone",
          <TimeZoneSelect
            value={values.timezone}
            onChange={(zone) => set("timezone", zone)}
            {...aria("timezone")}
          />,
          "Start, end and refund times are in this time zone.",
        )}
        <div className={ui.grid}>
          {field("startsAt", text("startsAt", { type: "datetime-local", required: true }))}
          {field("endsAt", text("endsAt", { type: "datetime-local", required: true }))}
        </div>
        <div className={ui.grid}>
          {field(
            "capacity",
            text("capacity", { type: "number", min: 1, step: 1, inputMode: "numeric" }),
            "Optional cap across all tiers.",
          )}
          {field(
            "currency",
            <select
              value={values.currency}
              onChange={(e) => set("currency", e.target.value)}
              {...aria("currency")}
            >
              {(CURRENCY_CODES as readonly string[]).includes(values.currency) ? null : (
                <option value={values.currency}>{values.currency.toUpperCase()}</option>
              )}
              {CURRENCY_CODES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>,
          )}
        </div>
        {field(
          "feeModel",
          <select
            value={values.feeModel}
            onChange={(e) => set("feeModel", e.target.value as EventFormValues["feeModel"])}
            {...aria("feeModel")}
          >
            <option value="buyer_pays">Buyer pays the service fee</option>
            <option value="organizer_absorbs">Organizer absorbs the fee</option>
          </select>,
        )}
        {field(
          "allowRefundsUntil",
          text("allowRefundsUntil", { type: "datetime-local" }),
          "Leave empty to decide refunds case by case.",
        )}
        <div className={ui.field}>
          <div className={ui.row}>
            <input
              id={inputId("stripeTaxEnabled")}
              type="checkbox"
              checked={values.stripeTaxEnabled}
              onChange={(e) => set("stripeTaxEnabled", e.target.checked)}
            />
            <label htmlFor={inputId("stripeTaxEnabled")}>{LABELS.stripeTaxEnabled}</label>
          </div>
          <p className={ui.hint}>Let Stripe calculate tax at checkout instead of the taxes below.</p>
          {fieldErrors.stripeTaxEnabled ? (
            <p className={ui.fieldError}>
              {fieldMessage(LABELS.stripeTaxEnabled, fieldErrors.stripeTaxEnabled)}
            </p>
          ) : null}
        </div>
        <TaxesEditor rows={values.taxes} onChange={(taxes) => set("taxes", taxes)} errors={fieldErrors} />
        {readOnly ? null : (
          <div>
            <button className={buttonClass()} type="submit" disabled={isPending}>
              {isPending ? pendingLabel : submitLabel}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
