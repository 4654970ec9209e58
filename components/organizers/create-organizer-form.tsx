"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { SUPPORTED_CURRENCIES, suggestSlug } from "@/lib/organizers/organizer-rules";

interface Values {
  name: string;
  slug: string;
  contactEmail: string;
  defaultCurrency: string;
  timezone: string;
}

const SERVER_ZONES: string[] = [];
let zoneList: string[] | undefined;
const noSubscribe = () => () => {};
const getBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const getZoneList = () => (zoneList ??= Intl.supportedValuesOf("timeZone"));

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
  const [slugEdited, setSlugEdited] = useState(false);
  // The browser's zone and zone list: read on the client only, so server and client render the same HTML.
  const browserZone = useSyncExternalStore(noSubscribe, getBrowserZone, () => null);
  const zones = useSyncExternalStore(noSubscribe, getZoneList, () => SERVER_ZONES);
  const timezone = values.timezone || browserZone || "UTC";
  const zoneOptions = zones.includes(timezone) ? zones : [timezone, ...zones];

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

  function field(key: keyof Values, input: React.ReactNode, hint?: string) {
    const message = fieldErrors[key];
    return (
      <div className="field">
        <label htmlFor={`org-${key}`}>{FIELD_LABELS[key]}</label>
        {input}
        {hint && !message ? <p className="small muted">{hint}</p> : null}
        {message ? (
          <p id={`org-${key}-error`} className="field-error">
            {FIELD_LABELS[key]} {message}
          </p>
        ) : null}
      </div>
    );
  }

  const invalid = (key: keyof Values) => ({
    "aria-invalid": fieldErrors[key] ? true : undefined,
    "aria-describedby": fieldErrors[key] ? `org-${key}-error` : undefined,
  });

  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ ...values, timezone });
      }}
    >
      {mutation.isError && !hasFieldError ? (
        <p className="alert error" role="alert">
          {error?.problem.detail ?? "Could not create the organizer. Check your connection and try again."}
        </p>
      ) : null}
      {field(
        "name",
        <input
          id="org-name"
          required
          value={values.name}
          onChange={(e) => {
            const name = e.target.value;
            setValues((v) => ({ ...v, name, slug: slugEdited ? v.slug : suggestSlug(name) }));
          }}
          {...invalid("name")}
        />,
      )}
      {field(
        "slug",
        <input
          id="org-slug"
          required
          value={values.slug}
          onChange={(e) => {
            setSlugEdited(true);
            set("slug", e.target.value.toLowerCase());
          }}
          {...invalid("slug")}
        />,
        "Lower-case letters, digits and hyphens; used in your public page address.",
      )}
      {field(
        "contactEmail",
        <input
          id="org-contactEmail"
          type="email"
          required
          value={values.contactEmail}
          onChange={(e) => set("contactEmail", e.target.value)}
          {...invalid("contactEmail")}
        />,
        "Shown to ticket buyers who need to reach you.",
      )}
      {field(
        "defaultCurrency",
        <select
          id="org-defaultCurrency"
          value={values.defaultCurrency}
          onChange={(e) => set("defaultCurrency", e.target.value)}
          {...invalid("defaultCurrency")}
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
        <select
          id="org-timezone"
          value={values.timezone}
          onChange={(e) => set("timezone", e.target.value)}
          {...invalid("timezone")}
        >
          {zoneOptions.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </select>,
        "Event times are shown in this zone by default.",
      )}
      <button className="btn" type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating…" : "Create organizer"}
      </button>
    </form>
  );
}
