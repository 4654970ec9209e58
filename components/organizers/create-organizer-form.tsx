"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Alert } from "@/components/ui/alert";
import { Field, fieldAria } from "@/components/ui/field";
import { TimeZoneSelect, useBrowserTimeZone } from "@/components/ui/time-zones";
import { useSuggestedSlug } from "@/components/ui/use-suggested-slug";
import { SUPPORTED_CURRENCIES, suggestSlug } from "@/lib/organizers/organizer-rules";
import { buttonClass, cx, ui } from "@/components/ui/styles";

interface Values {
  name: string;
  slug: string;
  contactEmail: string;
  defaultCurrency: string;
  timezone: string;
}

const FIELD_LABELS: Record<keyof Values, string> = {
  name: "Name",
  slug: "Slug",
  contactEmail: "Contact email",
  defaultCurrency: "Currency",
  timezone: "Time zone",
};

export function CreateOrganizerForm({ defaultContactEmail }: { defaultContactEmail: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({
    name: "",
    slug: "",
    contactEmail: defaultContactEmail,
    defaultCurrency: "cad",
    timezone: "", // "" until chosen: the browser's zone is the default
  });
  const slug = useSuggestedSlug(setValues, "name", suggestSlug);
  const browserZone = useBrowserTimeZone();
  const timezone = values.timezone || browserZone || "UTC";

  const mutation = useMutation({
    mutationFn: (body: Values) => apiFetch<{ id: string }>("/api/tickets/organizers", { body }),
    onSuccess: () => {
      router.push("/tickets/organizer");
      router.refresh();
    },
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const fieldErrors = error?.fieldErrors ?? {};
  const hasFieldError = Object.keys(FIELD_LABELS).some((f) => fieldErrors[f]);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  const field = (key: keyof Values, input: React.ReactNode, hint?: string) => (
    <Field
      id={`org-${key}`}
      label={FIELD_LABELS[key]}
      hint={hint}
      error={fieldErrors[key] ? `${FIELD_LABELS[key]} ${fieldErrors[key]}` : null}
    >
      {input}
    </Field>
  );

  /** The input's id and error wiring. */
  const aria = (key: keyof Values) => fieldAria(`org-${key}`, fieldErrors[key]);

  return (
    <form
      className={cx(ui.card, ui.stack)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ ...values, timezone });
      }}
    >
      {mutation.isError && !hasFieldError ? (
        <Alert tone="error">
          {error?.problem.detail ?? "Could not create the organizer. Check your connection and try again."}
        </Alert>
      ) : null}
      {field("name", <input required value={values.name} onChange={slug.onTitleChange} {...aria("name")} />)}
      {field(
        "slug",
        <input required value={values.slug} onChange={slug.onSlugChange} {...aria("slug")} />,
        "Lower-case letters, digits and hyphens; used in your public page address.",
      )}
      {field(
        "contactEmail",
        <input
          type="email"
          required
          value={values.contactEmail}
          onChange={(e) => set("contactEmail", e.target.value)}
          {...aria("contactEmail")}
        />,
        "Shown to ticket buyers who need to reach you.",
      )}
      {field(
        "defaultCurrency",
        <select
          value={values.defaultCurrency}
          onChange={(e) => set("defaultCurrency", e.target.value)}
          {...aria("defaultCurrency")}
        >
          {SUPPORTED_CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </select>,
      )}
      {field(
        "timezone",
        <TimeZoneSelect
          value={values.timezone}
          listed={timezone}
          onChange={(zone) => set("timezone", zone)}
          {...aria("timezone")}
        />,
        "Event times are shown in this zone by default.",
      )}
      <button className={buttonClass()} type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating…" : "Create organizer"}
      </button>
    </form>
  );
}
